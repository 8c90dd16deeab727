import { requiredPharmacistEquivalents } from '../../rules/supervision.js';
import type { Candidate, SearchModel, Week } from './model.js';

/**
 * What the construction (construct.ts) ranks shifts by: the demand still unmet per interval and
 * demand slot (for technicians), and the supervision the technicians placed so far would need
 * per interval and ratio state (for pharmacists). A proxy: allocations and supervision are
 * decided later, exactly, by the interval evaluator.
 */
export class DemandProxy {
  /** Remaining required agents per interval and demand slot. */
  readonly remaining: Float64Array[];
  /** Remaining pharmacist-equivalents wanted per interval and state index. */
  readonly supervision: Float64Array[];

  constructor(private readonly model: SearchModel) {
    const ev = model.evaluator;
    this.remaining = [];
    for (let i = 0; i < model.grid.count; i += 1) {
      const slots = ev.demandOf(i);
      this.remaining.push(Float64Array.from(slots, (s) => Math.max(0, s.required)));
    }
    this.supervision = Array.from(
      { length: model.grid.count },
      () => new Float64Array(ev.states.length),
    );
  }

  /** Slot a technician would fill in interval i (most remaining), or -1. */
  private bestSlot(employee: number, i: number): number {
    const date = this.model.grid.intervalDates[i];
    const pairs = this.model.evaluator.eligibility.eligiblePairs(employee, date);
    const index = this.model.evaluator.slotIndexOf(i);
    const remaining = this.remaining[i];
    let best = -1;
    let bestValue = 1e-9;
    for (const pair of pairs) {
      const k = index.get(pair);
      if (k === undefined) continue;
      if (remaining[k] > bestValue) {
        bestValue = remaining[k];
        best = k;
      }
    }
    return best;
  }

  /** Agents (capped at 1 per interval) a shift would add where still needed. */
  score(c: Candidate): number {
    let total = 0;
    if (this.model.isTechnician[c.employee]) {
      for (let i = c.first; i < c.last; i += 1) {
        const k = this.bestSlot(c.employee, i);
        if (k >= 0) total += Math.min(1, this.remaining[i][k]);
      }
      return total;
    }
    const ev = this.model.evaluator;
    for (let i = c.first; i < c.last; i += 1) {
      const date = this.model.grid.intervalDates[i];
      let want = 0;
      const need = this.supervision[i];
      for (let s = 0; s < need.length; s += 1) {
        if (need[s] > 0 && ev.eligibility.canSuperviseIndex(c.employee, s, date)) want += need[s];
      }
      total += Math.min(1, want);
    }
    return total;
  }

  commit(c: Candidate): void {
    if (this.model.isTechnician[c.employee]) {
      for (let i = c.first; i < c.last; i += 1) {
        const k = this.bestSlot(c.employee, i);
        if (k >= 0) this.remaining[i][k] = Math.max(0, this.remaining[i][k] - 1);
      }
      return;
    }
    const ev = this.model.evaluator;
    for (let i = c.first; i < c.last; i += 1) {
      const date = this.model.grid.intervalDates[i];
      let left = 1;
      const need = this.supervision[i];
      for (let s = 0; s < need.length && left > 0; s += 1) {
        if (need[s] <= 0 || !ev.eligibility.canSuperviseIndex(c.employee, s, date)) continue;
        const take = Math.min(left, need[s]);
        need[s] -= take;
        left -= take;
      }
    }
  }

  /**
   * Supervision the technicians of `weeks` would need per interval and ratio state, if each were
   * allocated as the evaluator does without supervision limits.
   */
  planSupervision(weeks: readonly Week[]): void {
    const model = this.model;
    const ev = model.evaluator;
    const onDuty: number[][] = Array.from({ length: model.grid.count }, () => []);
    for (const e of model.technicians) {
      for (const c of weeks[e]) if (c) for (let i = c.first; i < c.last; i += 1) onDuty[i].push(e);
    }
    for (let i = 0; i < model.grid.count; i += 1) {
      this.supervision[i].fill(0);
      if (onDuty[i].length === 0) continue;
      const date = model.grid.intervalDates[i];
      const outcome = ev.evaluate(i, onDuty[i], [], { ignoreSupervision: true });
      const tally = new Map<number, { technicians: number; certified: number }>();
      for (const a of outcome.allocations) {
        const s = ev.pairState[a.pair];
        const t = tally.get(s) ?? { technicians: 0, certified: 0 };
        t.technicians += 1;
        if (ev.eligibility.certified(a.employee, date)) t.certified += 1;
        tally.set(s, t);
      }
      for (const [s, counts] of tally) {
        const need = requiredPharmacistEquivalents(
          ev.eligibility.supervisionRule(ev.states[s], date),
          counts,
        );
        if (Number.isFinite(need)) this.supervision[i][s] = need;
      }
    }
  }
}
