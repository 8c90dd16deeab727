import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { TRADING_CLOCK } from '../../src/shift-trading/clock.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { BEFORE_WEEK, publishTradingWorld, type TradingWorld } from '../support/trading-fixture.js';

/** The same overtime-adding give-away as in shift-trades.e2e.spec.ts, under a looser policy. */
let t: TestApp;
let world: TradingWorld;

beforeAll(async () => {
  t = await createTestApp({
    env: { TRADE_AUTO_APPROVE_MAX_OVERTIME_COST: '500' },
    override: (builder) =>
      builder.overrideProvider(TRADING_CLOCK).useValue({ now: () => BEFORE_WEEK }),
  });
  world = await publishTradingWorld(t, t.token(Role.MANAGER, 'manager'));
}, 60_000);
afterAll(async () => {
  await t.close();
});

it('approves automatically a trade whose extra overtime is within the configured threshold', async () => {
  const giver = t.token(Role.TECHNICIAN, 't-c', world.employee('t-c'));
  const taker = t.token(Role.TECHNICIAN, 't-ot', world.employee('t-ot'));
  const requested = await t.gql<{
    offerShift: { outcome: string; excesses: unknown[]; trade: { id: string } };
  }>(
    'mutation($input: OfferShiftInput!) { offerShift(input: $input) { outcome excesses { term } trade { id } } }',
    { input: { shiftId: world.shift('t-c', '2026-04-15'), toEmployeeId: world.employee('t-ot') } },
    giver,
  );
  expect(requested.data!.offerShift).toMatchObject({ outcome: 'REQUESTED', excesses: [] });
  const accepted = await t.gql<{
    respondToShiftTrade: {
      outcome: string;
      trade: { history: { status: string; actor: string }[] };
    };
  }>(
    'mutation($input: RespondToTradeInput!) { respondToShiftTrade(input: $input) { outcome trade { history { status actor } } } }',
    { input: { tradeId: requested.data!.offerShift.trade.id, accept: true } },
    taker,
  );
  expect(accepted.data!.respondToShiftTrade.outcome).toBe('APPROVED');
  expect(accepted.data!.respondToShiftTrade.trade.history.at(-1)).toEqual({
    status: 'APPROVED',
    actor: 'system',
  });
});
