/**
 * The allocation of an interval without a general min-cost flow. Classes of interchangeable
 * technicians (supply = members) may each work some demand slots; slot j's k-th agent is worth
 * gains[j][k] (positive, non-increasing in k: the evaluator's concave service). The sets of agent
 * units that technicians can fill together are the independent sets of a transversal matroid, so
 * taking units in order of falling worth, each one an augmenting path can still reach, is optimal
 * (the matroid greedy theorem): the min-cost flow's value, by breadth-first searches instead of a
 * shortest path per phase. A slot no path reaches stays unreachable as the assignment grows
 * (alternating-path reachability only shrinks), so each slot fails at most once.
 *
 * `caps` limits the agents of groups of slots (a state's technicians under a supervision cap):
 * units of a group at its limit are skipped. That is no longer a matroid, and an exchange (a
 * technician leaving a capped state for another so a better unit of the capped state fits) may
 * be missed; the evaluator's cap loop around it is a heuristic anyway.
 *
 * Measured at the large size: a flow round took 1.2–1.3 ms by the primal-dual flow.
 */
export function greedyAssignment(
  supply: readonly number[],
  eligible: readonly (readonly number[])[],
  gains: readonly (readonly number[])[],
  caps?: { readonly group: readonly number[]; readonly limit: number[] },
): Int32Array {
  const classes = supply.length;
  const slots = gains.length;
  const assigned = new Int32Array(classes * slots);
  const free = Int32Array.from(supply);
  let freeTotal = free.reduce((sum, n) => sum + n, 0);
  // Classes able to work each slot, the caller's last class first (it lists certified ones last).
  const workers: number[][] = Array.from({ length: slots }, () => []);
  for (let c = classes - 1; c >= 0; c -= 1) for (const j of eligible[c]) workers[j].push(c);
  const dead = new Uint8Array(slots);
  const next = new Int32Array(slots);
  const search = new AugmentingSearch(classes, slots, workers, eligible, assigned, free);
  const left = caps ? [...caps.limit] : [];
  // Units by falling worth (ties: lower slot first), merged from the slots' sorted lists.
  while (freeTotal > 0) {
    let slot = -1;
    let best = -Infinity;
    for (let j = 0; j < slots; j += 1) {
      if (dead[j] || next[j] >= gains[j].length) continue;
      if (gains[j][next[j]] > best) {
        best = gains[j][next[j]];
        slot = j;
      }
    }
    if (slot < 0) break;
    const group = caps ? caps.group[slot] : -1;
    if (group >= 0 && left[group] <= 0) {
      dead[slot] = 1;
      continue;
    }
    if (search.augment(slot)) {
      freeTotal -= 1;
      next[slot] += 1;
      if (group >= 0) left[group] -= 1;
    } else dead[slot] = 1;
  }
  return assigned;
}

/** Breadth-first search for an alternating path from a slot back to a class with a free member. */
class AugmentingSearch {
  private readonly slotSeen: Int32Array;
  private readonly classSeen: Int32Array;
  /** Per class: the slot it was reached from; per slot: the class it was reached from. */
  private readonly classFrom: Int32Array;
  private readonly slotFrom: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(
    classes: number,
    private readonly slots: number,
    private readonly workers: readonly (readonly number[])[],
    private readonly eligible: readonly (readonly number[])[],
    private readonly assigned: Int32Array,
    private readonly free: Int32Array,
  ) {
    this.slotSeen = new Int32Array(slots);
    this.classSeen = new Int32Array(classes);
    this.classFrom = new Int32Array(classes);
    this.slotFrom = new Int32Array(slots);
    this.queue = new Int32Array(slots);
  }

  /** Adds one agent to `target` (shifting others along the path found); false when none can. */
  augment(target: number): boolean {
    this.stamp += 1;
    const { slotSeen, classSeen, classFrom, slotFrom, queue, assigned, slots } = this;
    let head = 0;
    let tail = 0;
    queue[tail++] = target;
    slotSeen[target] = this.stamp;
    while (head < tail) {
      const slot = queue[head++];
      for (const c of this.workers[slot]) {
        if (classSeen[c] === this.stamp) continue;
        classSeen[c] = this.stamp;
        classFrom[c] = slot;
        if (this.free[c] > 0) {
          this.apply(c, target);
          return true;
        }
        // Every member of c works: one may move to `slot` if its own slot finds someone else.
        for (const other of this.eligible[c]) {
          if (slotSeen[other] === this.stamp || assigned[c * slots + other] === 0) continue;
          slotSeen[other] = this.stamp;
          slotFrom[other] = c;
          queue[tail++] = other;
        }
      }
    }
    return false;
  }

  /**
   * From the class with a free member back to the target: each class on the path takes one
   * agent in the slot it was reached from, leaving the slot further along the path.
   */
  private apply(start: number, target: number): void {
    const { classFrom, slotFrom, assigned, slots } = this;
    this.free[start] -= 1;
    let c = start;
    for (;;) {
      const slot = classFrom[c];
      assigned[c * slots + slot] += 1;
      if (slot === target) return;
      const leaving = slotFrom[slot];
      assigned[leaving * slots + slot] -= 1;
      c = leaving;
    }
  }
}
