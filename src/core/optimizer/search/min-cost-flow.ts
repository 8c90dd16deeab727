/**
 * A small min-cost flow (primal-dual: Dijkstra with potentials plus blocking flows), for the
 * per-interval allocation networks: a few hundred nodes, a few thousand arcs, integer capacities.
 * Arcs may have negative costs as long as the network starts without a negative cycle (ours are
 * acyclic). It sends flow only while the cheapest augmenting path has a negative cost, so the
 * result is a minimum-cost flow of ANY amount (the "free amount" variant). Deterministic: arcs are
 * scanned in insertion order.
 */
export class FlowNetwork {
  private readonly head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private capacity: Float64Array;
  private cost: Float64Array;
  private arcCount = 0;

  constructor(
    readonly nodeCount: number,
    arcHint = 64,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
    this.next = new Int32Array(arcHint * 2);
    this.to = new Int32Array(arcHint * 2);
    this.capacity = new Float64Array(arcHint * 2);
    this.cost = new Float64Array(arcHint * 2);
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
    const n = this.nodeCount;
    const potential = this.bellmanFord(source);
    for (let v = 0; v < n; v += 1) if (!Number.isFinite(potential[v])) potential[v] = 0;
    const distance = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const queue = new Int32Array(n);
    const heap = new MinHeap(n * 4);
    let total = 0;
    for (;;) {
      // Dijkstra on reduced costs.
      distance.fill(Infinity);
      distance[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        const node = heap.pop();
        if (d > distance[node]) continue;
        for (let arc = this.head[node]; arc !== -1; arc = this.next[arc]) {
          if (this.capacity[arc] <= 1e-9) continue;
          const target = this.to[arc];
          const reduced = this.cost[arc] + potential[node] - potential[target];
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
      const admissible = (arc: number, from: number) =>
        this.capacity[arc] > 1e-9 &&
        Math.abs(this.cost[arc] + potential[from] - potential[this.to[arc]]) <= 1e-7;
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let head = 0;
        let tail = 0;
        queue[tail++] = source;
        while (head < tail) {
          const node = queue[head++];
          for (let arc = this.head[node]; arc !== -1; arc = this.next[arc]) {
            const target = this.to[arc];
            if (level[target] < 0 && admissible(arc, node)) {
              level[target] = level[node] + 1;
              queue[tail++] = target;
            }
          }
        }
        if (level[sink] < 0) break;
        for (let v = 0; v < n; v += 1) current[v] = this.head[v];
        const push = (node: number, limitFlow: number): number => {
          if (node === sink) return limitFlow;
          for (; current[node] !== -1; current[node] = this.next[current[node]]) {
            const arc = current[node];
            const target = this.to[arc];
            if (level[target] !== level[node] + 1 || !admissible(arc, node)) continue;
            const sent = push(target, Math.min(limitFlow, this.capacity[arc]));
            if (sent > 1e-9) {
              this.capacity[arc] -= sent;
              this.capacity[arc ^ 1] += sent;
              return sent;
            }
          }
          return 0;
        };
        let sentAny = false;
        for (let sent = push(source, Infinity); sent > 1e-9; sent = push(source, Infinity)) {
          total += sent * pathCost;
          sentAny = true;
        }
        if (!sentAny) break;
      }
    }
  }

  /** Shortest distances from `source` by queue-based Bellman-Ford (no negative cycles). */
  private bellmanFord(source: number): Float64Array {
    const n = this.nodeCount;
    const distance = new Float64Array(n).fill(Infinity);
    const inQueue = new Uint8Array(n);
    const queue = new Int32Array(n + 1);
    distance[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    inQueue[source] = 1;
    while (head !== tail) {
      const node = queue[head];
      head = head + 1 === queue.length ? 0 : head + 1;
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
            tail = tail + 1 === queue.length ? 0 : tail + 1;
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
