import { describe, expect, it } from '@jest/globals';
import { generateInstance } from '../../../../src/core/generator/generate-instance.js';
import { bestWeek } from '../../../../src/core/optimizer/search/best-week.js';
import { construct } from '../../../../src/core/optimizer/search/construct.js';
import { SearchModel } from '../../../../src/core/optimizer/search/model.js';
import { RosterState } from '../../../../src/core/optimizer/search/state.js';
import {
  decodeOutcomes,
  encodeOutcomes,
} from '../../../../src/core/optimizer/worker/outcome-codec.js';

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
      expect(decoded).toEqual(move.outcomes);
      checked += 1;
    }
    expect(checked).toBe(5);
  });

  it('keeps supervision shares and bound states apart per interval', () => {
    const states = ['CA', 'TX', 'NY'] as const;
    const outcomes = new Map([
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
    expect(decodeOutcomes(states, encodeOutcomes(states, outcomes))).toEqual(outcomes);
  });
});
