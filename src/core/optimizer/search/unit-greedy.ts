/**
 * The allocation of an interval without a general min-cost flow. Classes of interchangeable
 * technicians (supply = members) may each work some demand slots; slot j's k-th agent is worth
 * gains[j][k] (positive, non-increasing in k: the evaluator's concave service). The sets of agent
 * units that technicians can fill together are the independent sets of a transversal matroid, so
 * taking units in order of falling worth, each one an augmenting path can still reach, is optimal
 * (the matroid greedy theorem): the min-cost flow's value, by breadth-first searches instead of a
 * shortest path per phase. A slot no path reaches stays unreachable as the assignment grows
 * (alternating-path reachability only shrinks), and so does every slot the failed search passed
 * through (what they reach, it reached): all of them are retired at once. At the large size, where
 * almost every technician is a class of its own, failed searches had been most of the work.
 *
 * `caps` limits the agents of groups of slots (a state's technicians under a supervision cap):
 * units of a group at its limit are skipped. That is no longer a matroid, and an exchange (a
 * technician leaving a capped state for another so a better unit of the capped state fits) may
 * be missed; the evaluator's cap loop around it is a heuristic anyway.
 *
 * Measured at the large size: a flow round took 1.2–1.3 ms by the primal-dual flow.
 *
 * The result (agents per class and slot, `assigned[class * slots + slot]`) is a view of a buffer
 * the next call reuses, so read it before calling again: allocating a fresh classes x slots array
 * per call took about 3 % of the large search's time.
 */
export function greedyAssignment(
  supply: readonly number[],
  eligible: readonly (readonly number[])[],
  gains: readonly (readonly number[])[],
  caps?: { readonly group: readonly number[]; readonly limit: number[] },
): Int32Array {
  const classes = supply.length;
  const slots = gains.length;
  const space = WORKSPACE.prepare(classes, slots);
  const free = space.free;
  let freeTotal = 0;
  for (let c = 0; c < classes; c += 1) {
    free[c] = supply[c];
    freeTotal += supply[c];
  }
  const assigned = space.assigned.subarray(0, classes * slots);
  // Classes able to work each slot, the caller's last class first (it lists certified ones last).
  const workers = space.workers;
  for (let c = classes - 1; c >= 0; c -= 1) for (const j of eligible[c]) workers[j].push(c);
  const { dead, next } = space;
  const search = new AugmentingSearch(space, slots, eligible, assigned, free);
  const left = caps ? [...caps.limit] : [];
  // Units by falling worth (ties: lower slot first), merged from the slots' sorted lists.
  const units = new SlotHeap(space.heap, gains, next);
  for (let j = 0; j < slots; j += 1) if (gains[j].length > 0) units.push(j);
  while (freeTotal > 0 && units.size > 0) {
    const slot = units.pop();
    if (dead[slot]) continue;
    const group = caps ? caps.group[slot] : -1;
    if (group >= 0 && left[group] <= 0) {
      dead[slot] = 1;
      continue;
    }
    if (search.augment(slot)) {
      freeTotal -= 1;
      next[slot] += 1;
      if (group >= 0) left[group] -= 1;
      if (next[slot] < gains[slot].length) units.push(slot);
    }
  }
  return assigned;
}

/**
 * The greedy's buffers, kept from one call to the next and cleared as far as a call uses them:
 * allocating them was about a fifth of the greedy's time at the medium size. Calls never overlap
 * (nothing in a call yields), and each worker thread has its own module instance.
 */
class Workspace {
  workers: number[][] = [];
  /** Per class: positions (in its eligible list) of the slots it has members in, ascending. */
  held: number[][] = [];
  dead = new Uint8Array(0);
  next = new Int32Array(0);
  heap = new Int32Array(0);
  /** Per slot: where in its workers the first class that may still have a free member is. */
  firstFree = new Int32Array(0);
  slotSeen = new Int32Array(0);
  classSeen = new Int32Array(0);
  /** Per class: the slot it was reached from; per slot: the class it was reached from. */
  classFrom = new Int32Array(0);
  /** Per class: members not yet working. */
  free = new Int32Array(0);
  slotFrom = new Int32Array(0);
  queue = new Int32Array(0);
  /** The result: agents per (class, slot), row-major by class (the caller reads it at once). */
  assigned = new Int32Array(0);
  /** Marks of the current search in slotSeen / classSeen; increasing across calls. */
  stamp = 0;

  prepare(classes: number, slots: number): this {
    if (this.dead.length < slots) {
      const size = Math.max(slots, 2 * this.dead.length);
      this.dead = new Uint8Array(size);
      this.next = new Int32Array(size);
      this.heap = new Int32Array(size);
      this.firstFree = new Int32Array(size);
      this.slotSeen = new Int32Array(size);
      this.slotFrom = new Int32Array(size);
      this.queue = new Int32Array(size);
    }
    if (this.classSeen.length < classes) {
      const size = Math.max(classes, 2 * this.classSeen.length);
      this.classSeen = new Int32Array(size);
      this.classFrom = new Int32Array(size);
      this.free = new Int32Array(size);
    }
    if (this.assigned.length < classes * slots)
      this.assigned = new Int32Array(Math.max(classes * slots, 2 * this.assigned.length));
    else this.assigned.fill(0, 0, classes * slots);
    if (this.stamp > 1 << 30) {
      this.slotSeen.fill(0);
      this.classSeen.fill(0);
      this.stamp = 0;
    }
    this.dead.fill(0, 0, slots);
    this.next.fill(0, 0, slots);
    this.firstFree.fill(0, 0, slots);
    while (this.workers.length < slots) this.workers.push([]);
    for (let j = 0; j < slots; j += 1) this.workers[j].length = 0;
    while (this.held.length < classes) this.held.push([]);
    for (let c = 0; c < classes; c += 1) this.held[c].length = 0;
    return this;
  }
}

const WORKSPACE = new Workspace();

/**
 * The slots by the worth of their next unit (`gains[j][next[j]]`), highest first, ties to the
 * lower slot: the order a scan of all slots per unit gave, at a logarithmic cost per unit.
 */
class SlotHeap {
  size = 0;

  constructor(
    private readonly items: Int32Array,
    private readonly gains: readonly (readonly number[])[],
    private readonly next: Int32Array,
  ) {}

  /** Whether slot a's next unit comes before slot b's. */
  private before(a: number, b: number): boolean {
    const ga = this.gains[a][this.next[a]];
    const gb = this.gains[b][this.next[b]];
    return ga > gb || (ga === gb && a < b);
  }

  push(slot: number): void {
    const items = this.items;
    let i = this.size;
    this.size += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(slot, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = slot;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    this.size -= 1;
    const last = items[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.before(items[child + 1], items[child])) child += 1;
      if (!this.before(items[child], last)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * Breadth-first search for an alternating path from a slot back to a class with a free member.
 * A failed search marks the target and every slot it passed through dead; the first level takes
 * a free worker directly (past the classes already used up); deeper levels walk each class's held
 * slots, not its whole eligible list (most classes are one technician: one slot).
 */
class AugmentingSearch {
  constructor(
    private readonly space: Workspace,
    private readonly slots: number,
    private readonly eligible: readonly (readonly number[])[],
    private readonly assigned: Int32Array,
    private readonly free: Int32Array,
  ) {}

  /**
   * Adds one agent to `target` (shifting others along the path found); false when none can, and
   * then the target and every slot searched from it are dead.
   */
  augment(target: number): boolean {
    // The search's first level: the first of the target's workers with a free member. Taking it
    // directly is what the breadth-first search would do, without queueing the slots of the
    // busy classes passed on the way.
    const direct = this.directWorker(target);
    if (direct >= 0) {
      this.free[direct] -= 1;
      this.take(direct, target);
      return true;
    }
    const space = this.space;
    const stamp = (space.stamp += 1);
    const { slotSeen, classSeen, classFrom, slotFrom, queue, workers, held } = space;
    let head = 0;
    let tail = 0;
    queue[tail++] = target;
    slotSeen[target] = stamp;
    while (head < tail) {
      const slot = queue[head++];
      for (const c of workers[slot]) {
        if (classSeen[c] === stamp) continue;
        classSeen[c] = stamp;
        classFrom[c] = slot;
        if (this.free[c] > 0) {
          this.apply(c, target);
          return true;
        }
        // Every member of c works: one may move to `slot` if its own slot finds someone else.
        const eligible = this.eligible[c];
        for (const k of held[c]) {
          const other = eligible[k];
          if (slotSeen[other] === stamp) continue;
          slotSeen[other] = stamp;
          slotFrom[other] = c;
          queue[tail++] = other;
        }
      }
    }
    for (let k = 0; k < tail; k += 1) space.dead[queue[k]] = 1;
    return false;
  }

  /** The first worker class of `slot` with a free member, or -1. */
  private directWorker(slot: number): number {
    const { workers, firstFree } = this.space;
    const list = workers[slot];
    let k = firstFree[slot];
    while (k < list.length && this.free[list[k]] === 0) k += 1;
    firstFree[slot] = k;
    return k < list.length ? list[k] : -1;
  }

  /**
   * From the class with a free member back to the target: each class on the path takes one
   * agent in the slot it was reached from, leaving the slot further along the path.
   */
  private apply(start: number, target: number): void {
    const { classFrom, slotFrom } = this.space;
    this.free[start] -= 1;
    let c = start;
    for (;;) {
      const slot = classFrom[c];
      this.take(c, slot);
      if (slot === target) return;
      const leaving = slotFrom[slot];
      this.release(leaving, slot);
      c = leaving;
    }
  }

  /** One more member of class c works `slot`. */
  private take(c: number, slot: number): void {
    const at = c * this.slots + slot;
    this.assigned[at] += 1;
    if (this.assigned[at] > 1) return;
    const list = this.space.held[c];
    const k = this.eligible[c].indexOf(slot);
    let i = list.length;
    list.push(k);
    while (i > 0 && list[i - 1] > k) {
      list[i] = list[i - 1];
      i -= 1;
    }
    list[i] = k;
  }

  /** One member of class c leaves `slot`. */
  private release(c: number, slot: number): void {
    const at = c * this.slots + slot;
    this.assigned[at] -= 1;
    if (this.assigned[at] > 0) return;
    const list = this.space.held[c];
    list.splice(list.indexOf(this.eligible[c].indexOf(slot)), 1);
  }
}
