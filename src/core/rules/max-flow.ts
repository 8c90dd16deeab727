/**
 * Maximum flow with real capacities (Edmonds-Karp: shortest augmenting paths), small and
 * deterministic: edges are explored in insertion order. Used to split pharmacists' supervision
 * capacity across states; graphs there have ~100 nodes. The checker calls it a few times per
 * roster, the optimizer's interval evaluator for nearly every evaluation, so the arcs live in
 * typed arrays that one `MaxFlow` keeps between calls.
 */

export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
}

/** Residual amounts below this are treated as zero. */
const EPSILON = 1e-12;

/** Flow on each input edge (same order as `edges`) in a maximum flow from `source` to `sink`. */
export function maxFlow(
  nodeCount: number,
  edges: readonly FlowEdge[],
  source: number,
  sink: number,
): number[] {
  return Array.from(
    new MaxFlow().maxFlow(nodeCount, edges, source, sink).subarray(0, edges.length),
  );
}

/**
 * Reusable: the work arrays are kept between calls (grown when needed), so one instance serves
 * all of an evaluator's supervision checks.
 */
export class MaxFlow {
  private start = new Int32Array(0);
  private filled = new Int32Array(0);
  private visited = new Uint8Array(0);
  private previousNode = new Int32Array(0);
  private previousArc = new Int32Array(0);
  private queue = new Int32Array(0);
  private head = new Int32Array(0);
  private residual = new Float64Array(0);
  private twin = new Int32Array(0);
  private edgeArc = new Int32Array(0);
  private flows = new Float64Array(0);

  /**
   * Flow on each input edge (same order as `edges`) in a maximum flow from `source` to `sink`.
   * The returned array is overwritten by the next call; entries from `edges.length` on are stale.
   */
  maxFlow(
    nodeCount: number,
    edges: readonly FlowEdge[],
    source: number,
    sink: number,
  ): Float64Array {
    this.ensure(nodeCount, edges.length);
    const { start, filled, head, residual, twin, edgeArc } = this;
    // Arcs grouped by tail node, each group in insertion order (forward arc at the edge's tail,
    // residual twin at its head): the search explores them in that order.
    start.fill(0, 0, nodeCount + 1);
    for (const edge of edges) {
      start[edge.from + 1] += 1;
      start[edge.to + 1] += 1;
    }
    for (let v = 0; v < nodeCount; v += 1) {
      start[v + 1] += start[v];
      filled[v] = start[v];
    }
    for (let i = 0; i < edges.length; i += 1) {
      const edge = edges[i];
      const forward = filled[edge.from]++;
      const backward = filled[edge.to]++;
      head[forward] = edge.to;
      residual[forward] = edge.capacity;
      twin[forward] = backward;
      head[backward] = edge.from;
      residual[backward] = 0;
      twin[backward] = forward;
      edgeArc[i] = forward;
    }
    const { previousNode, previousArc } = this;
    while (this.findPath(nodeCount, source, sink)) {
      let amount = Infinity;
      for (let node = sink; node !== source; node = previousNode[node])
        amount = Math.min(amount, residual[previousArc[node]]);
      for (let node = sink; node !== source; node = previousNode[node]) {
        const arc = previousArc[node];
        residual[arc] -= amount;
        residual[twin[arc]] += amount;
      }
    }
    const flows = this.flows;
    for (let i = 0; i < edges.length; i += 1)
      flows[i] = Math.max(0, edges[i].capacity - residual[edgeArc[i]]);
    return flows;
  }

  /** Breadth-first search for an augmenting path; records each node's predecessor and arc. */
  private findPath(nodeCount: number, source: number, sink: number): boolean {
    const { start, head, residual, visited, previousNode, previousArc, queue } = this;
    visited.fill(0, 0, nodeCount);
    visited[source] = 1;
    let tail = 0;
    queue[tail++] = source;
    for (let front = 0; front < tail; front += 1) {
      const node = queue[front];
      for (let arc = start[node]; arc < start[node + 1]; arc += 1) {
        const target = head[arc];
        if (visited[target] || residual[arc] <= EPSILON) continue;
        visited[target] = 1;
        previousNode[target] = node;
        previousArc[target] = arc;
        queue[tail++] = target;
      }
      if (visited[sink]) return true;
    }
    return false;
  }

  private ensure(nodeCount: number, edgeCount: number): void {
    if (nodeCount + 1 > this.start.length) {
      const size = Math.max(nodeCount + 1, this.start.length * 2);
      this.start = new Int32Array(size);
      this.filled = new Int32Array(size);
      this.visited = new Uint8Array(size);
      this.previousNode = new Int32Array(size);
      this.previousArc = new Int32Array(size);
      this.queue = new Int32Array(size);
    }
    if (edgeCount > this.edgeArc.length) {
      const size = Math.max(edgeCount, this.edgeArc.length * 2);
      this.head = new Int32Array(size * 2);
      this.residual = new Float64Array(size * 2);
      this.twin = new Int32Array(size * 2);
      this.edgeArc = new Int32Array(size);
      this.flows = new Float64Array(size);
    }
  }
}
