import type { StateCode } from '../../model/common.js';
import type { IntervalAllocation, IntervalShare, WorkingAllocation } from './supervision-split.js';

/** The interval evaluator's answer for one interval and on-duty set (allocation.ts). */
export interface IntervalOutcome {
  /** The interval's contribution to weightedTotal (shortage + lost value + over-staffing, weighted). */
  readonly value: number;
  readonly allocations: readonly IntervalAllocation[];
  readonly shares: readonly IntervalShare[];
  /** Ratio states whose supervision capacity cut the allocation. */
  readonly ratioBinding: readonly StateCode[];
  /** Ratio states where technicians wanted work but no on-duty pharmacist may supervise. */
  readonly noSupervisor: readonly StateCode[];
  /** How many technicians the allocation holds (`allocations.length`, without building it). */
  readonly allocationCount: number;
  /** The k-th allocation's technician and pair (k < allocationCount), without building the list. */
  allocatedEmployee(k: number): number;
  allocatedPair(k: number): number;
  /** Whether the employee works (a technician) or supervises (a pharmacist) in the allocation. */
  employs(employee: number): boolean;
}

/** An outcome's data, without its methods. */
export type OutcomeParts = Pick<
  IntervalOutcome,
  'value' | 'allocations' | 'shares' | 'ratioBinding' | 'noSupervisor'
>;

/** An outcome from its parts as lists (decoded from the helper thread's messages, tests). */
export function intervalOutcome(parts: OutcomeParts): IntervalOutcome {
  const employees = Int32Array.from(parts.allocations, (a) => a.employee);
  const pairs = Int32Array.from(parts.allocations, (a) => a.pair);
  return new EvaluatedInterval(
    parts.value,
    { employees, pairs, length: employees.length },
    parts.shares,
    parts.ratioBinding,
    parts.noSupervisor,
  );
}

/**
 * Keeps the allocation as the evaluator made it (parallel arrays) and builds the list of
 * allocation objects only when asked: the search asks for nearly none of the outcomes it prices
 * (it asks `employs`), and an object per technician had been a large part of its time and garbage.
 */
export class EvaluatedInterval implements IntervalOutcome {
  private list: IntervalAllocation[] | null = null;

  constructor(
    readonly value: number,
    private readonly allocation: Pick<WorkingAllocation, 'employees' | 'pairs' | 'length'>,
    readonly shares: readonly IntervalShare[],
    readonly ratioBinding: readonly StateCode[],
    readonly noSupervisor: readonly StateCode[],
  ) {}

  get allocationCount(): number {
    return this.allocation.length;
  }

  get allocations(): readonly IntervalAllocation[] {
    if (!this.list) {
      const { employees, pairs, length } = this.allocation;
      this.list = new Array<IntervalAllocation>(length);
      for (let k = 0; k < length; k += 1) this.list[k] = { employee: employees[k], pair: pairs[k] };
    }
    return this.list;
  }

  allocatedEmployee(k: number): number {
    return this.allocation.employees[k];
  }

  allocatedPair(k: number): number {
    return this.allocation.pairs[k];
  }

  employs(employee: number): boolean {
    const { employees, length } = this.allocation;
    for (let k = 0; k < length; k += 1) if (employees[k] === employee) return true;
    return this.shares.some((share) => share.employee === employee);
  }

  /** The same allocation with other binding states. */
  withRatioBinding(ratioBinding: readonly StateCode[]): EvaluatedInterval {
    return new EvaluatedInterval(
      this.value,
      this.allocation,
      this.shares,
      ratioBinding,
      this.noSupervisor,
    );
  }
}
