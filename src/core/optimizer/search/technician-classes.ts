import type { TimeGrid } from '../../time/grid.js';
import type { EligibilityTable } from './eligibility-table.js';
import type { IntervalDemand } from './interval-demand.js';

/**
 * Technicians grouped as the interval evaluator assigns them: in an interval, technicians who may
 * work the same demanded (queue, state) pairs and have the same certification are
 * interchangeable there (a class). A technician's signature (pairs, slots, certification) is
 * fixed per interval, so it is computed once per (interval, technician) and shared by identity.
 */

/** A technician's demanded pairs in one interval and certification: their class there. */
export interface TechnicianSignature {
  /** Its number among its interval's signatures (0, 1, ...). */
  readonly id: number;
  readonly pairs: number[];
  /** The pairs' demand slots (indices into the interval's demand slots). */
  readonly slots: number[];
  /** Per pair (all pairs): 1 when the pair is one of `pairs`. */
  readonly works: Uint8Array;
  readonly certified: boolean;
}

/** Technicians on duty with the same signature in an interval: interchangeable there. */
export interface TechnicianClass extends TechnicianSignature {
  readonly members: number[];
}

export class TechnicianClasses {
  private readonly signatures: ((TechnicianSignature | null | undefined)[] | undefined)[] = [];
  private readonly internedSignatures: (Map<string, TechnicianSignature> | undefined)[] = [];
  /**
   * `classesOf`'s marks, by signature id: the call (stamp) that last met it, and its class there;
   * a map per call had been most of the grouping's time.
   */
  private classMark = new Int32Array(64);
  private classAt = new Int32Array(64);
  private classStamp = 0;

  constructor(
    private readonly employeeCount: number,
    private readonly grid: TimeGrid,
    private readonly eligibility: EligibilityTable,
    private readonly demand: IntervalDemand,
  ) {}

  /**
   * The demanded pairs a technician may work in interval i and their certification (their class
   * there), or null when there are none. Building it was the evaluator's largest cost outside
   * the assignment itself, hence once per (interval, technician).
   */
  signatureOf(intervalIndex: number, tech: number): TechnicianSignature | null {
    let row = this.signatures[intervalIndex];
    if (!row) {
      row = new Array<TechnicianSignature | null | undefined>(this.employeeCount);
      this.signatures[intervalIndex] = row;
    }
    let found = row[tech];
    if (found === undefined) {
      const date = this.grid.intervalDates[intervalIndex];
      const slotOfPair = this.demand.slotIndexOf(intervalIndex);
      const pairs = Array.from(this.eligibility.eligiblePairs(tech, date)).filter((pair) =>
        slotOfPair.has(pair),
      );
      const certified = this.eligibility.certified(tech, date);
      found = pairs.length === 0 ? null : this.internedSignature(intervalIndex, pairs, certified);
      row[tech] = found;
    }
    return found;
  }

  /** One signature object per (interval, pairs, certification): classes group by identity. */
  private internedSignature(
    intervalIndex: number,
    pairs: number[],
    certified: boolean,
  ): TechnicianSignature {
    let shared = this.internedSignatures[intervalIndex];
    if (!shared) {
      shared = new Map();
      this.internedSignatures[intervalIndex] = shared;
    }
    const key = `${certified ? 'C' : 'U'}${pairs.join(',')}`;
    let found = shared.get(key);
    if (!found) {
      const works = new Uint8Array(this.eligibility.pairState.length);
      for (const pair of pairs) works[pair] = 1;
      const slotOfPair = this.demand.slotIndexOf(intervalIndex);
      const slots = pairs.map((pair) => slotOfPair.get(pair)!);
      found = { id: shared.size, pairs, slots, works, certified };
      shared.set(key, found);
    }
    return found;
  }

  /**
   * The on-duty technicians in classes (same demanded eligible pairs and certification),
   * uncertified classes first: the assignment tries the last classes first, so among equally
   * good choices certified technicians take the work (ratio tiers reward them).
   */
  classesOf(intervalIndex: number, techs: readonly number[]): TechnicianClass[] {
    const stamp = (this.classStamp += 1);
    const classes: TechnicianClass[] = [];
    let certifiedClasses = 0;
    for (const tech of techs) {
      const signature = this.signatureOf(intervalIndex, tech);
      if (!signature) continue;
      this.growClassMarks(signature.id);
      if (this.classMark[signature.id] === stamp) {
        classes[this.classAt[signature.id]].members.push(tech);
        continue;
      }
      this.classMark[signature.id] = stamp;
      this.classAt[signature.id] = classes.length;
      if (signature.certified) certifiedClasses += 1;
      // Spelled out: `{ ...signature, members }` made the medium search 50 % slower (measured).
      classes.push({
        id: signature.id,
        members: [tech],
        pairs: signature.pairs,
        slots: signature.slots,
        works: signature.works,
        certified: signature.certified,
      });
    }
    if (certifiedClasses === 0 || certifiedClasses === classes.length) return classes;
    // Uncertified first, each group in order of first appearance (a stable sort's order).
    return [...classes.filter((c) => !c.certified), ...classes.filter((c) => c.certified)];
  }

  /** Makes `classMark` and `classAt` hold signature `id`. */
  private growClassMarks(id: number): void {
    if (id < this.classMark.length) return;
    const size = Math.max(id + 1, 2 * this.classMark.length);
    const mark = new Int32Array(size);
    const at = new Int32Array(size);
    mark.set(this.classMark);
    at.set(this.classAt);
    this.classMark = mark;
    this.classAt = at;
  }
}
