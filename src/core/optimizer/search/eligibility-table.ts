import type { LocalDate, StateCode } from '../../model/common.js';
import type { PlanningInstance } from '../../model/instance.js';
import type { JurisdictionRuleSet, SupervisionRule } from '../../model/jurisdiction.js';
import { isCertified } from '../../rules/credentials.js';
import { supervisionRefusal, technicianRefusals } from '../../rules/eligibility.js';
import { RuleSetLookup } from '../../rules/rule-sets.js';

/**
 * Who may do what on a date, as the rules say, looked up once per (date, employee) and kept:
 * the (queue, state) pairs a technician may work, the states a pharmacist may supervise, who is
 * certified, and the rule set in force per state. The interval evaluator asks these for every
 * on-duty employee of every interval it prices, so they are arrays indexed by employee and state
 * rather than the rules' string-keyed lookups.
 */
export class EligibilityTable {
  /** States of the instance's queues, sorted; a state's index is its position here. */
  readonly states: readonly StateCode[];
  /** Pair index = queue index * states.length + state index. */
  readonly pairQueue: readonly string[];
  readonly pairState: readonly number[];
  private readonly stateIndex = new Map<StateCode, number>();
  private readonly rules: RuleSetLookup;
  /** Per date (index in `dates`), per employee: eligible pairs / supervisable states / certified. */
  private readonly dateIndex = new Map<LocalDate, number>();
  private readonly eligibleCache: (Int32Array | undefined)[][] = [];
  private readonly supervisorCache: (Int8Array | undefined)[][] = [];
  private readonly certifiedCache: Int8Array[] = [];
  /** Per date (index in `dates`), per state index: the rule set in force (undefined: not looked up). */
  private readonly ruleSetCache: (JurisdictionRuleSet | null | undefined)[][] = [];

  constructor(readonly instance: PlanningInstance) {
    this.rules = new RuleSetLookup(instance.ruleSets);
    const states = [...new Set(instance.queues.flatMap((queue) => queue.states))].sort();
    states.forEach((state, i) => this.stateIndex.set(state, i));
    this.states = states;
    const pairQueue: string[] = [];
    const pairState: number[] = [];
    for (const queue of instance.queues) {
      for (let s = 0; s < states.length; s += 1) {
        pairQueue.push(queue.id);
        pairState.push(s);
      }
    }
    this.pairQueue = pairQueue;
    this.pairState = pairState;
  }

  /** Pair index of (queue, state), or -1 when the queue does not exist or the state is unknown. */
  pairOf(queueId: string, state: StateCode): number {
    const q = this.instance.queues.findIndex((queue) => queue.id === queueId);
    const s = this.stateIndex.get(state);
    if (q < 0 || s === undefined) return -1;
    return q * this.states.length + s;
  }

  ruleFor(state: StateCode, date: LocalDate) {
    return this.rules.inForce(state, date);
  }

  private dateSlot(date: LocalDate): number {
    let d = this.dateIndex.get(date);
    if (d === undefined) {
      d = this.dateIndex.size;
      this.dateIndex.set(date, d);
      const n = this.instance.employees.length;
      this.eligibleCache.push(new Array<Int32Array | undefined>(n));
      this.supervisorCache.push(new Array<Int8Array | undefined>(n));
      this.certifiedCache.push(new Int8Array(n).fill(-1));
      this.ruleSetCache.push(new Array<JurisdictionRuleSet | null | undefined>(this.states.length));
    }
    return d;
  }

  /** Pairs (any, demanded or not) the technician may work on `date`, sorted. */
  eligiblePairs(employee: number, date: LocalDate): Int32Array {
    const d = this.dateSlot(date);
    let found = this.eligibleCache[d][employee];
    if (!found) {
      const technician = this.instance.employees[employee];
      const pairs: number[] = [];
      if (technician.role === 'TECHNICIAN') {
        this.instance.queues.forEach((queue, q) => {
          this.states.forEach((state, s) => {
            const refusals = technicianRefusals(
              technician,
              queue,
              state,
              date,
              this.rules.inForce(state, date),
            );
            if (refusals.length === 0) pairs.push(q * this.states.length + s);
          });
        });
      }
      found = Int32Array.from(pairs);
      this.eligibleCache[d][employee] = found;
    }
    return found;
  }

  canSupervise(employee: number, state: StateCode, date: LocalDate): boolean {
    const s = this.stateIndex.get(state);
    return s !== undefined && this.canSuperviseIndex(employee, s, date);
  }

  /** `canSupervise` by state index (into `states`). */
  canSuperviseIndex(employee: number, state: number, date: LocalDate): boolean {
    const d = this.dateSlot(date);
    let found = this.supervisorCache[d][employee];
    if (!found) {
      const pharmacist = this.instance.employees[employee];
      found = Int8Array.from(this.states, (code) =>
        supervisionRefusal(pharmacist, code, date, this.rules.inForce(code, date)) === null ? 1 : 0,
      );
      this.supervisorCache[d][employee] = found;
    }
    return found[state] === 1;
  }

  certified(employee: number, date: LocalDate): boolean {
    const cache = this.certifiedCache[this.dateSlot(date)];
    if (cache[employee] < 0)
      cache[employee] = isCertified(this.instance.employees[employee], date) ? 1 : 0;
    return cache[employee] === 1;
  }

  /**
   * `ruleFor` by state index, cached per date slot: the evaluator asks for every allocated
   * technician, and the lookup's string key cost more than the rest of the tally.
   */
  ruleSetOf(state: number, date: LocalDate): JurisdictionRuleSet | null {
    const row = this.ruleSetCache[this.dateSlot(date)];
    let found = row[state];
    if (found === undefined) {
      found = this.rules.inForce(this.states[state], date);
      row[state] = found;
    }
    return found;
  }

  /** The supervision rule of a state on a date (NONE when no rule set is in force). */
  supervisionRule(state: StateCode, date: LocalDate): SupervisionRule {
    return this.rules.inForce(state, date)?.supervision ?? { kind: 'NONE' };
  }
}
