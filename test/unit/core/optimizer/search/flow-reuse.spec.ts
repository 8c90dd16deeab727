import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type FlowEdge, MaxFlow, maxFlow } from '../../../../../src/core/rules/max-flow.js';

/**
 * The supervision split's max flow runs on reused buffers for speed; the search must stay
 * deterministic and give the same rosters as before, so the results have to be the same bit for
 * bit.
 */

/**
 * The object-per-arc Edmonds-Karp that `MaxFlow` replaced (insertion-order arcs, breadth-first
 * paths), kept as the oracle: the typed-array version must find the same flows bit for bit.
 */
function referenceMaxFlow(
  nodeCount: number,
  edges: readonly FlowEdge[],
  source: number,
  sink: number,
): number[] {
  const arcs: { to: number; residual: number; reverse: number }[][] = Array.from(
    { length: nodeCount },
    () => [],
  );
  const index = edges.map((edge) => {
    const forward = arcs[edge.from];
    const backward = arcs[edge.to];
    forward.push({ to: edge.to, residual: edge.capacity, reverse: backward.length });
    backward.push({ to: edge.from, residual: 0, reverse: forward.length - 1 });
    return forward.length - 1;
  });
  for (;;) {
    const previous: ([number, number] | null)[] = arcs.map(() => null);
    const visited = arcs.map(() => false);
    visited[source] = true;
    const queue = [source];
    for (let head = 0; head < queue.length && !visited[sink]; head += 1)
      arcs[queue[head]].forEach((arc, arcIndex) => {
        if (visited[arc.to] || arc.residual <= 1e-12) return;
        visited[arc.to] = true;
        previous[arc.to] = [queue[head], arcIndex];
        queue.push(arc.to);
      });
    if (!visited[sink]) break;
    let amount = Infinity;
    for (let node = sink; node !== source; node = previous[node]![0])
      amount = Math.min(amount, arcs[previous[node]![0]][previous[node]![1]].residual);
    for (let node = sink; node !== source; node = previous[node]![0]) {
      const arc = arcs[previous[node]![0]][previous[node]![1]];
      arc.residual -= amount;
      arcs[arc.to][arc.reverse].residual += amount;
    }
  }
  return edges.map((edge, i) => Math.max(0, edge.capacity - arcs[edge.from][index[i]].residual));
}

/** A supervision-shaped network: source -> pharmacists -> states -> sink (real capacities). */
const supervisionNetwork = fc
  .record({
    pharmacists: fc.integer({ min: 0, max: 8 }),
    needs: fc.array(fc.oneof(fc.double({ min: 0, max: 4, noNaN: true }), fc.constant(0.5)), {
      minLength: 1,
      maxLength: 6,
    }),
    links: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }),
  })
  .map(({ pharmacists, needs, links }) => {
    const sink = 1 + pharmacists + needs.length;
    const edges: FlowEdge[] = [];
    for (let p = 0; p < pharmacists; p += 1) edges.push({ from: 0, to: 1 + p, capacity: 1 });
    needs.forEach((_, s) => {
      for (let p = 0; p < pharmacists; p += 1)
        if (links[(s * pharmacists + p) % links.length])
          edges.push({ from: 1 + p, to: 1 + pharmacists + s, capacity: 1 });
    });
    needs.forEach((need, s) => edges.push({ from: 1 + pharmacists + s, to: sink, capacity: need }));
    return { nodeCount: sink + 1, edges, sink };
  });

/** Any small network (cycles and antiparallel edges included). */
const anyNetwork = fc.integer({ min: 2, max: 9 }).chain((nodeCount) =>
  fc
    .array(
      fc.record({
        from: fc.integer({ min: 0, max: nodeCount - 1 }),
        to: fc.integer({ min: 0, max: nodeCount - 1 }),
        capacity: fc.double({ min: 0, max: 5, noNaN: true }),
      }),
      { maxLength: 30 },
    )
    .map((edges) => ({
      nodeCount,
      edges: edges.filter((edge) => edge.from !== edge.to),
      sink: nodeCount - 1,
    })),
);

describe('MaxFlow', () => {
  // One instance for all cases, as in the evaluator: leftovers of a call must not leak into the next.
  const shared = new MaxFlow();

  it.each([
    ['supervision-shaped', supervisionNetwork],
    ['arbitrary', anyNetwork],
  ])('gives the reference flows on %s networks, reused or fresh', (_name, networks) => {
    fc.assert(
      fc.property(networks, ({ nodeCount, edges, sink }) => {
        const expected = referenceMaxFlow(nodeCount, edges, 0, sink);
        expect(maxFlow(nodeCount, edges, 0, sink)).toEqual(expected);
        const actual = Array.from(
          shared.maxFlow(nodeCount, edges, 0, sink).subarray(0, edges.length),
        );
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
