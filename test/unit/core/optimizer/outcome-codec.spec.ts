import { describe, expect, it } from '@jest/globals';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import { bestWeek } from '../../../../src/core/optimizer/search/best-week.js';
import { construct } from '../../../../src/core/optimizer/search/construct.js';
import {
  type IntervalOutcome,
  intervalOutcome,
} from '../../../../src/core/optimizer/search/interval-outcome.js';
import { SearchModel } from '../../../../src/core/optimizer/search/model.js';
import { RosterState } from '../../../../src/core/optimizer/search/state.js';
import {
  decodeOutcomes,
  encodeOutcomes,
} from '../../../../src/core/optimizer/worker/outcome-codec.js';

/** An outcome's parts as plain lists (outcomes build their allocation list on demand). */
function parts(outcomes: ReadonlyMap<number, IntervalOutcome>) {
  return new Map(
    [...outcomes].map(([i, o]) => [
      i,
      {
        value: o.value,
        allocations: o.allocations,
        shares: o.shares,
        ratioBinding: o.ratioBinding,
        noSupervisor: o.noSupervisor,
      },
    ]),
  );
}

describe('interval outcomes between threads (outcome-codec)', () => {
  it('decodes what it encoded: values, allocations, shares and the states named', () => {
    const model = new SearchModel(generateInstance('small', 1));
    const built = construct(model, { seed: 1, deadline: performance.now() + 10_000 });
    const state = new RosterState(model, built.weeks!);
    const states = model.evaluator.states;
    let checked = 0;
    for (let employee = 0; employee < model.employees.length && checked < 5; employee += 1) {
      const changes = bestWeek(state, employee);
      const move = changes && state.price(changes);
      if (!move || move.outcomes.size === 0) continue;
      const decoded = decodeOutcomes(states, encodeOutcomes(states, move.outcomes));
      expect(parts(decoded)).toEqual(parts(move.outcomes));
      for (const [i, outcome] of move.outcomes)
        for (let e = 0; e < model.employees.length; e += 1)
          expect(decoded.get(i)!.employs(e)).toBe(outcome.employs(e));
      checked += 1;
    }
    expect(checked).toBe(5);
  });

  it('keeps supervision shares and bound states apart per interval', () => {
    const states = ['CA', 'TX', 'NY'] as const;
    const lists = new Map([
      [
        4,
        {
          value: 12.5,
          allocations: [
            { employee: 3, pair: 1 },
            { employee: 0, pair: 2 },
          ],
          shares: [{ employee: 7, state: 'TX', share: 0.25 }],
          ratioBinding: ['TX', 'NY'],
          noSupervisor: [],
        },
      ],
      [9, { value: 0, allocations: [], shares: [], ratioBinding: [], noSupervisor: ['CA'] }],
    ]);
    const outcomes = new Map([...lists].map(([i, list]) => [i, intervalOutcome(list)]));
    const decoded = decodeOutcomes(states, encodeOutcomes(states, outcomes));
    expect(parts(decoded)).toEqual(lists);
    expect([0, 3, 7, 1].map((e) => decoded.get(4)!.employs(e))).toEqual([true, true, true, false]);
    expect(decoded.get(4)!.allocationCount).toBe(2);
  });
});
