/**
 * Test oracle for `greedyAssignment`: the interval evaluator solved its allocations with this
 * min-cost flow until the matroid greedy replaced it (docs/benchmarks.md, fourth session).
 *
 * A small min-cost flow (primal-dual: Dijkstra with potentials plus blocking flows), for the
 * per-interval allocation networks: a few hundred nodes, a few thousand arcs, integer capacities.
 * Arcs may have negative costs as long as the network starts without a negative cycle (ours are
 * acyclic). It sends flow only while the cheapest augmenting path has a negative cost, so the
 * result is a minimum-cost flow of ANY amount (the "free amount" variant). Deterministic: arcs are
 * scanned in insertion order.
 */
export class FlowNetwork {
  private head = new Int32Array(0);
  private next: Int32Array;
  private to: Int32Array;
  private capacity: Float64Array;
  private cost: Float64Array;
  private arcCount = 0;
  private nodes = 0;
  // Work arrays of `minCostFlow`, kept between calls: the evaluator solves tens of thousands of
  // small networks per search, and allocating them each time cost more than the solving.
  private potential = new Float64Array(0);
  private distance = new Float64Array(0);
  private level = new Int32Array(0);
  private current = new Int32Array(0);
  private queue = new Int32Array(0);
  private inQueue = new Uint8Array(0);
  private readonly heap: MinHeap;
  private sink = 0;

  constructor(nodeCount: number, arcHint = 64) {
    this.next = new Int32Array(arcHint * 2);
    this.to = new Int32Array(arcHint * 2);
    this.capacity = new Float64Array(arcHint * 2);
    this.cost = new Float64Array(arcHint * 2);
    this.heap = new MinHeap(nodeCount * 4);
    this.reset(nodeCount);
  }

  get nodeCount(): number {
    return this.nodes;
  }

  /** Empties the network for reuse with `nodeCount` nodes (the buffers are kept, grown if needed). */
  reset(nodeCount: number): void {
    if (nodeCount > this.head.length) {
      const size = Math.max(nodeCount, this.head.length * 2);
      this.head = new Int32Array(size);
      this.potential = new Float64Array(size);
      this.distance = new Float64Array(size);
      this.level = new Int32Array(size);
      this.current = new Int32Array(size);
      this.queue = new Int32Array(size + 1);
      this.inQueue = new Uint8Array(size);
    }
    this.nodes = nodeCount;
    this.head.fill(-1, 0, nodeCount);
    this.arcCount = 0;
  }

  private grow(): void {
    const size = this.next.length * 2;
    const copy = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.next = copy(this.next, new Int32Array(size));
    this.to = copy(this.to, new Int32Array(size));
    this.capacity = copy(this.capacity, new Float64Array(size));
    this.cost = copy(this.cost, new Float64Array(size));
  }

  /** Adds an arc and its residual twin; returns the arc's id (use with `flowOn`). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.arcCount + 2 > this.next.length) this.grow();
    const id = this.arcCount;
    this.to[id] = to;
    this.capacity[id] = capacity;
    this.cost[id] = cost;
    this.next[id] = this.head[from];
    this.head[from] = id;
    this.to[id + 1] = from;
    this.capacity[id + 1] = 0;
    this.cost[id + 1] = -cost;
    this.next[id + 1] = this.head[to];
    this.head[to] = id + 1;
    this.arcCount += 2;
    return id;
  }

  /** Flow currently on arc `id` (the residual capacity of its twin). */
  flowOn(id: number): number {
    return this.capacity[id + 1];
  }

  /**
   * Sends flow from `source` to `sink` along cheapest paths while they cost less than
   * `-tolerance`; returns the total cost of the flow sent. Primal-dual: node potentials from one
   * Bellman-Ford pass (the network is acyclic at the start), then per phase a Dijkstra on reduced
   * costs and a blocking flow (Dinic) on the arcs of zero reduced cost, so the number of phases is
   * the number of distinct path costs, not the amount of flow.
   */
  minCostFlow(source: number, sink: number, tolerance = 1e-9): number {
    const n = this.nodes;
    const head = this.head;
    const next = this.next;
    const to = this.to;
    const capacity = this.capacity;
    const cost = this.cost;
    const potential = this.bellmanFord(source);
    for (let v = 0; v < n; v += 1) if (!Number.isFinite(potential[v])) potential[v] = 0;
    const distance = this.distance;
    const level = this.level;
    const current = this.current;
    const queue = this.queue;
    const heap = this.heap;
    this.sink = sink;
    let total = 0;
    for (;;) {
      // Dijkstra on reduced costs. It may stop once the smallest key left reaches the sink's
      // distance: every node not settled by then has a distance of at least that, and the
      // potential update below caps distances at the sink's, so the potentials come out the same
      // as from a full run (keys only grow along arcs: reduced costs are clamped at zero).
      distance.fill(Infinity, 0, n);
      distance[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        if (d >= distance[sink]) break;
        const node = heap.pop();
        if (d > distance[node]) continue;
        const from = potential[node];
        for (let arc = head[node]; arc !== -1; arc = next[arc]) {
          if (capacity[arc] <= 1e-9) continue;
          const target = to[arc];
          const reduced = cost[arc] + from - potential[target];
          const candidate = d + (reduced > 0 ? reduced : 0);
          if (candidate < distance[target] - 1e-12) {
            distance[target] = candidate;
            heap.push(candidate, target);
          }
        }
      }
      if (!Number.isFinite(distance[sink])) return total;
      const limit = distance[sink];
      for (let v = 0; v < n; v += 1) potential[v] += Math.min(distance[v], limit);
      const pathCost = potential[sink] - potential[source];
      if (!(pathCost < -tolerance)) return total;
      // Blocking flows on the admissible arcs (zero reduced cost).
      for (;;) {
        // Levels by breadth-first search, stopped when the sink gets its level: the nodes left
        // unlabelled are at the sink's level or beyond, from where no path of rising levels
        // reaches the sink, so the blocking flow below finds the same paths without them.
        level.fill(-1, 0, n);
        level[source] = 0;
        let qHead = 0;
        let qTail = 0;
        queue[qTail++] = source;
        search: while (qHead < qTail) {
          const node = queue[qHead++];
          const from = potential[node];
          const nextLevel = level[node] + 1;
          for (let arc = head[node]; arc !== -1; arc = next[arc]) {
            const target = to[arc];
            if (level[target] < 0 && this.admissible(arc, from, potential[target])) {
              level[target] = nextLevel;
              if (target === sink) break search;
              queue[qTail++] = target;
            }
          }
        }
        if (level[sink] < 0) break;
        for (let v = 0; v < n; v += 1) current[v] = head[v];
        let sentAny = false;
        for (
          let sent = this.augment(source, Infinity);
          sent > 1e-9;
          sent = this.augment(source, Infinity)
        ) {
          total += sent * pathCost;
          sentAny = true;
        }
        if (!sentAny) break;
      }
    }
  }

  /** An arc of the blocking flow: residual capacity left and zero reduced cost. */
  private admissible(arc: number, tailPotential: number, headPotential: number): boolean {
    return (
      this.capacity[arc] > 1e-9 && Math.abs(this.cost[arc] + tailPotential - headPotential) <= 1e-7
    );
  }

  /** One augmenting path of the blocking flow (depth first along rising levels, current arcs). */
  private augment(node: number, limitFlow: number): number {
    if (node === this.sink) return limitFlow;
    const next = this.next;
    const to = this.to;
    const capacity = this.capacity;
    const potential = this.potential;
    const level = this.level;
    const current = this.current;
    const from = potential[node];
    const nextLevel = level[node] + 1;
    for (; current[node] !== -1; current[node] = next[current[node]]) {
      const arc = current[node];
      const target = to[arc];
      if (level[target] !== nextLevel || !this.admissible(arc, from, potential[target])) continue;
      const sent = this.augment(target, Math.min(limitFlow, capacity[arc]));
      if (sent > 1e-9) {
        capacity[arc] -= sent;
        capacity[arc ^ 1] += sent;
        return sent;
      }
    }
    return 0;
  }

  /** Shortest distances from `source` by queue-based Bellman-Ford (no negative cycles). */
  private bellmanFord(source: number): Float64Array {
    const n = this.nodes;
    const distance = this.potential;
    distance.fill(Infinity, 0, n);
    const inQueue = this.inQueue;
    inQueue.fill(0, 0, n);
    const queue = this.queue;
    // A ring of n + 1 slots, as before the buffers were shared (at most n nodes are queued).
    const ringSize = n + 1;
    distance[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    inQueue[source] = 1;
    while (head !== tail) {
      const node = queue[head];
      head = head + 1 === ringSize ? 0 : head + 1;
      inQueue[node] = 0;
      for (let arc = this.head[node]; arc !== -1; arc = this.next[arc]) {
        if (this.capacity[arc] <= 1e-9) continue;
        const target = this.to[arc];
        const candidate = distance[node] + this.cost[arc];
        if (candidate < distance[target] - 1e-12) {
          distance[target] = candidate;
          if (!inQueue[target]) {
            inQueue[target] = 1;
            queue[tail] = target;
            tail = tail + 1 === ringSize ? 0 : tail + 1;
          }
        }
      }
    }
    return distance;
  }
}

/** A binary min-heap of (key, node) pairs with lazy deletion (duplicates allowed). */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  topKey(): number {
    return this.keys[0];
  }

  pop(): number {
    const top = this.nodes[0];
    const lastKey = this.keys[--this.size];
    const lastNode = this.nodes[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child += 1;
      if (this.keys[child] >= lastKey) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = lastKey;
    this.nodes[i] = lastNode;
    return top;
  }
}
