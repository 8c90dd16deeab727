/**
 * Maximum flow with real capacities (Edmonds-Karp: shortest augmenting paths), small and
 * deterministic: edges are explored in insertion order. Used to split pharmacists' supervision
 * capacity across states; graphs there have ~100 nodes.
 */

export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
}

/** Residual amounts below this are treated as zero. */
const EPSILON = 1e-12;

interface Arc {
  to: number;
  residual: number;
  reverse: number;
}

function buildArcs(
  nodeCount: number,
  edges: readonly FlowEdge[],
): { arcs: Arc[][]; index: number[] } {
  const arcs: Arc[][] = Array.from({ length: nodeCount }, () => []);
  const index: number[] = [];
  for (const edge of edges) {
    const forward = arcs[edge.from];
    const backward = arcs[edge.to];
    index.push(forward.length);
    forward.push({ to: edge.to, residual: edge.capacity, reverse: backward.length });
    backward.push({ to: edge.from, residual: 0, reverse: forward.length - 1 });
  }
  return { arcs, index };
}

/** Breadth-first search for an augmenting path; returns each node's (node, arc) predecessor. */
function findPath(arcs: Arc[][], source: number, sink: number): ([number, number] | null)[] | null {
  const previous: ([number, number] | null)[] = arcs.map(() => null);
  const visited = arcs.map(() => false);
  visited[source] = true;
  const queue = [source];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head];
    arcs[node].forEach((arc, arcIndex) => {
      if (visited[arc.to] || arc.residual <= EPSILON) return;
      visited[arc.to] = true;
      previous[arc.to] = [node, arcIndex];
      queue.push(arc.to);
    });
    if (visited[sink]) return previous;
  }
  return null;
}

/** Flow on each input edge (same order as `edges`) in a maximum flow from `source` to `sink`. */
export function maxFlow(
  nodeCount: number,
  edges: readonly FlowEdge[],
  source: number,
  sink: number,
): number[] {
  const { arcs, index } = buildArcs(nodeCount, edges);
  for (
    let previous = findPath(arcs, source, sink);
    previous;
    previous = findPath(arcs, source, sink)
  ) {
    let amount = Infinity;
    for (let node = sink; node !== source;) {
      const [from, arcIndex] = previous[node]!;
      amount = Math.min(amount, arcs[from][arcIndex].residual);
      node = from;
    }
    for (let node = sink; node !== source;) {
      const [from, arcIndex] = previous[node]!;
      const arc = arcs[from][arcIndex];
      arc.residual -= amount;
      arcs[arc.to][arc.reverse].residual += amount;
      node = from;
    }
  }
  return edges.map((edge, i) => Math.max(0, edge.capacity - arcs[edge.from][index[i]].residual));
}
