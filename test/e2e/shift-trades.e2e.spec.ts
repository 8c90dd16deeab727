import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TRADING_CLOCK } from '../../src/shift-trading/clock.js';
import { SELF_SERVICE_CLOCK } from '../../src/self-service/clock.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import {
  BEFORE_WEEK,
  PICKERS,
  publishCopy,
  publishTradingWorld,
  type TradingWorld,
} from '../support/trading-fixture.js';

const TRADE = `id kind status awaitingApproval reasons { rule message }
  requester { employeeId name } counterpart { employeeId name }
  shift { id start localStart timeZone } counterpartShift { id } openShift { id }
  history { status actor actorRole comment at }`;
const RESULT = `outcome message trade { ${TRADE} } violations { rule message employeeIds } excesses { term before after limit }`;

interface Trade {
  id: string;
  kind: string;
  status: string;
  awaitingApproval: boolean;
  reasons: { rule: string; message: string }[];
  requester: { employeeId: string; name: string };
  counterpart: { employeeId: string; name: string } | null;
  shift: { id: string; start: string; localStart: string; timeZone: string } | null;
  history: { status: string; actor: string; actorRole: string; comment: string | null }[];
}
interface Result {
  outcome: string;
  message: string;
  trade: Trade | null;
  violations: { rule: string; message: string; employeeIds: string[] }[];
  excesses: { term: string; before: number; after: number; limit: number }[];
}

const clock = { now: () => BEFORE_WEEK };
let t: TestApp;
let world: TradingWorld;
let manager: string;
const tokens = new Map<string, string>();

function as(fixtureId: string): string {
  let token = tokens.get(fixtureId);
  if (!token) {
    const role = fixtureId.startsWith('p-') ? Role.PHARMACIST : Role.TECHNICIAN;
    token = t.token(role, fixtureId, world.employee(fixtureId));
    tokens.set(fixtureId, token);
  }
  return token;
}

async function mutate(
  name: string,
  args: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<Result> {
  const res = await t.gql<Record<string, Result>>(
    `mutation(${args}) { ${name}(${argsOf(args)}) { ${RESULT} } }`,
    variables,
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data![name];
}

/** `$input: X!, $id: ID!` → `input: $input, id: $id`. */
function argsOf(declarations: string): string {
  return declarations
    .split(',')
    .map((d) => d.trim().split(':')[0].slice(1))
    .map((name) => `${name}: $${name}`)
    .join(', ');
}

const swap = (who: string, shiftId: string, counterpartShiftId: string) =>
  mutate(
    'requestShiftSwap',
    '$input: RequestShiftSwapInput!',
    { input: { shiftId, counterpartShiftId } },
    as(who),
  );
const giveAway = (who: string, shiftId: string, to: string | null, note?: string) =>
  mutate(
    'offerShift',
    '$input: OfferShiftInput!',
    { input: { shiftId, toEmployeeId: to ? world.employee(to) : null, note } },
    as(who),
  );
const respond = (who: string, tradeId: string, accept: boolean, comment?: string) =>
  mutate(
    'respondToShiftTrade',
    '$input: RespondToTradeInput!',
    { input: { tradeId, accept, comment } },
    as(who),
  );
const decide = (tradeId: string, approve: boolean, comment: string) =>
  mutate(
    'decideShiftTrade',
    '$input: DecideTradeInput!',
    { input: { tradeId, approve, comment } },
    manager,
  );

async function shiftsOf(who: string): Promise<
  {
    id: string;
    localDate: string;
    allocations: { state: string }[];
    pendingTrades: { id: string; status: string }[];
  }[]
> {
  const res = await t.gql<{
    myShifts: {
      id: string;
      localDate: string;
      allocations: { state: string }[];
      pendingTrades: { id: string; status: string }[];
    }[];
  }>(
    `query { myShifts(from: "2026-04-12T00:00:00Z", to: "2026-04-20T00:00:00Z") { id localDate allocations { state } pendingTrades { id status } } }`,
    {},
    as(who),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.myShifts;
}

async function notificationsOf(
  token: string,
): Promise<
  { kind: string; tradeId: string | null; openShiftId: string | null; message: string }[]
> {
  const res = await t.gql<{
    myNotifications: {
      kind: string;
      tradeId: string | null;
      openShiftId: string | null;
      message: string;
    }[];
  }>('query { myNotifications(first: 200) { kind tradeId openShiftId message } }', {}, token);
  expect(res.errors).toBeUndefined();
  return res.data!.myNotifications;
}

async function tradeCount(): Promise<number> {
  const [{ count }] = await t.app
    .get(DataSource)
    .query<{ count: string }[]>('SELECT count(*) FROM shift_trade');
  return Number(count);
}

beforeAll(async () => {
  t = await createTestApp({
    override: (builder) =>
      builder
        .overrideProvider(TRADING_CLOCK)
        .useValue(clock)
        .overrideProvider(SELF_SERVICE_CLOCK)
        .useValue(clock),
  });
  manager = t.token(Role.MANAGER, 'manager');
  world = await publishTradingWorld(t, manager);
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('a direct swap', () => {
  let tradeId: string;

  it('is requested, shown to the colleague, and hidden from everyone else', async () => {
    const requested = await swap(
      't-a',
      world.shift('t-a', '2026-04-15'),
      world.shift('t-b', '2026-04-14'),
    );
    expect(requested.outcome).toBe('REQUESTED');
    expect(requested.violations).toEqual([]);
    tradeId = requested.trade!.id;
    expect(requested.trade).toMatchObject({ kind: 'SWAP', status: 'REQUESTED' });
    expect(
      (await notificationsOf(as('t-b'))).some(
        (n) => n.kind === 'TRADE_NEEDS_YOU' && n.tradeId === tradeId,
      ),
    ).toBe(true);
    const tuesday = (await shiftsOf('t-b')).find((s) => s.localDate === '2026-04-14')!;
    expect(tuesday.pendingTrades).toEqual([{ id: tradeId, status: 'REQUESTED' }]);

    const stranger = await t.gql(
      'query($id: ID!) { shiftTrade(id: $id) { id } }',
      { id: tradeId },
      as('t-c'),
    );
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await t.gql<{ myShiftTrades: unknown[] }>('query { myShiftTrades { id } }', {}, as('t-c')))
        .data!.myShiftTrades,
    ).toEqual([]);
  });

  it('is applied automatically when the colleague accepts, and both see its history', async () => {
    const accepted = await respond('t-b', tradeId, true, 'happy to');
    expect(accepted.outcome).toBe('APPROVED');
    expect(accepted.trade!.history.map((h) => [h.status, h.actor])).toEqual([
      ['REQUESTED', 't-a'],
      ['ACCEPTED', 't-b'],
      ['APPROVED', 'system'],
    ]);
    const mine = await shiftsOf('t-a');
    expect(mine.map((s) => [s.id, s.localDate])).toEqual([
      [world.shift('t-b', '2026-04-14'), '2026-04-14'],
    ]);
    expect(mine[0].allocations.map((a) => a.state)).toEqual(['NC']);
    // Her calendar feed follows the roster: the traded-in shift is there, the traded-out one not.
    const feed = await t.gql<{ createCalendarFeed: { token: string } }>(
      'mutation { createCalendarFeed { token } }',
      undefined,
      as('t-a'),
    );
    const ics = await request(t.app.getHttpServer()).get(
      `/calendar/${feed.data!.createCalendarFeed.token}.ics`,
    );
    expect(ics.status).toBe(200);
    expect(ics.text).toContain(`UID:${world.shift('t-b', '2026-04-14')}@telepharmacy-scheduler`);
    expect(ics.text).not.toContain(world.shift('t-a', '2026-04-15'));
    expect((await shiftsOf('t-b')).map((s) => s.id)).toEqual([world.shift('t-a', '2026-04-15')]);
    for (const who of ['t-a', 't-b']) {
      const res = await t.gql<{ shiftTrade: Trade }>(
        `query($id: ID!) { shiftTrade(id: $id) { ${TRADE} } }`,
        { id: tradeId },
        as(who),
      );
      expect(res.data!.shiftTrade.history.map((h) => h.status)).toEqual([
        'REQUESTED',
        'ACCEPTED',
        'APPROVED',
      ]);
    }
    expect(
      (await notificationsOf(as('t-a'))).some(
        (n) => n.kind === 'TRADE_APPROVED' && n.tradeId === tradeId,
      ),
    ).toBe(true);
  });
});

describe('refusals by the rule checker', () => {
  it('refuses a give-away to a colleague without a licence for the shift’s state, storing nothing', async () => {
    const before = await tradeCount();
    const refused = await giveAway('t-b', world.shift('t-a', '2026-04-15'), 't-nolic');
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.trade).toBeNull();
    expect(refused.violations.map((v) => v.rule)).toContain('LICENCE');
    expect(refused.violations.every((v) => v.employeeIds.includes(world.employee('t-nolic')))).toBe(
      true,
    );
    expect(await tradeCount()).toBe(before);
  });

  it('refuses a colleague whose licence has expired by the shift’s date', async () => {
    const refused = await giveAway('t-b', world.shift('t-a', '2026-04-15'), 't-exp');
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['LICENCE']));
    expect(refused.violations.some((v) => v.message.includes('2026-04-15'))).toBe(true);
  });

  it('refuses a give-away that leaves the colleague too little rest', async () => {
    const refused = await giveAway('t-e', world.shift('t-e', '2026-04-15'), 't-rest');
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.violations.map((v) => v.rule)).toEqual(['MIN_REST']);
  });

  it('refuses a pharmacist’s give-away that leaves technicians unsupervised, not one to a replacement', async () => {
    const refused = await giveAway('p-a', world.shift('p-a', '2026-04-14'), 'p-b');
    expect(refused.outcome).toBe('REFUSED');
    expect(new Set(refused.violations.map((v) => v.rule))).toEqual(new Set(['SUPERVISION_RATIO']));
    expect(refused.violations[0].employeeIds).toContain(world.employee('t-a'));

    const offered = await giveAway('p-a', world.shift('p-a', '2026-04-14'), 'p-c');
    expect(offered.outcome).toBe('REQUESTED');
    const accepted = await respond('p-c', offered.trade!.id, true);
    expect(accepted.outcome).toBe('APPROVED');
  });
});

describe('an offer to anyone eligible', () => {
  let offerId: string;

  it('is shown only to colleagues the checker lets take it', async () => {
    const offered = await giveAway('t-d', world.shift('t-d', '2026-04-17'), null, 'family event');
    expect(offered).toMatchObject({
      outcome: 'REQUESTED',
      trade: { kind: 'OFFER', counterpart: null },
    });
    offerId = offered.trade!.id;
    const opportunities = async (who: string) =>
      (
        await t.gql<{ shiftOpportunities: { kind: string; offer: { id: string } | null }[] }>(
          'query { shiftOpportunities(from: "2026-04-13T00:00:00Z", to: "2026-04-20T00:00:00Z") { kind offer { id } } }',
          {},
          as(who),
        )
      ).data!.shiftOpportunities;
    expect(
      (await opportunities('t-c')).some((o) => o.kind === 'OFFER' && o.offer?.id === offerId),
    ).toBe(true);
    expect((await opportunities('t-nolic')).some((o) => o.offer?.id === offerId)).toBe(false);
    expect((await opportunities('p-c')).some((o) => o.offer?.id === offerId)).toBe(false);
  });

  it('refuses an ineligible claimer without closing the offer, then goes to the first eligible one', async () => {
    const refused = await mutate(
      'claimShiftOffer',
      '$tradeId: ID!',
      { tradeId: offerId },
      as('t-nolic'),
    );
    expect(refused.outcome).toBe('REFUSED');
    expect(refused.violations.map((v) => v.rule)).toContain('LICENCE');
    const claimed = await mutate(
      'claimShiftOffer',
      '$tradeId: ID!',
      { tradeId: offerId },
      as('t-c'),
    );
    expect(claimed.outcome).toBe('APPROVED');
    expect(claimed.trade!.counterpart!.employeeId).toBe(world.employee('t-c'));
    expect((await shiftsOf('t-c')).map((s) => s.localDate)).toEqual(['2026-04-15', '2026-04-17']);
    const again = await t.gql(
      'mutation($id: ID!) { claimShiftOffer(tradeId: $id) { outcome } }',
      { id: offerId },
      as('pick-01'),
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('the auto-approval threshold and managers', () => {
  let first: string;
  let second: string;

  it('sends a trade that adds overtime to a manager, who approves it with a comment', async () => {
    const requested = await giveAway('t-c', world.shift('t-c', '2026-04-15'), 't-ot');
    expect(requested.outcome).toBe('REQUESTED');
    expect(requested.excesses.map((e) => e.term)).toEqual(['overtimeCost']);
    const accepted = await respond('t-ot', requested.trade!.id, true);
    expect(accepted.outcome).toBe('AWAITING_APPROVAL');
    expect(accepted.trade).toMatchObject({ status: 'ACCEPTED', awaitingApproval: true });
    expect(accepted.trade!.reasons[0].rule).toBe('overtimeCost');
    expect(accepted.excesses[0]).toMatchObject({ term: 'overtimeCost', before: 0, limit: 0 });
    expect(accepted.excesses[0].after).toBeGreaterThan(0);
    expect(
      (await notificationsOf(manager)).some(
        (n) => n.kind === 'TRADE_NEEDS_YOU' && n.tradeId === requested.trade!.id,
      ),
    ).toBe(true);
    const waiting = await t.gql<{ shiftTrades: { id: string }[] }>(
      'query { shiftTrades(awaitingApproval: true) { id } }',
      {},
      manager,
    );
    expect(waiting.data!.shiftTrades.map((x) => x.id)).toEqual([requested.trade!.id]);

    const approved = await decide(requested.trade!.id, true, 'overtime agreed with payroll');
    expect(approved.outcome).toBe('APPROVED');
    expect(approved.trade!.history.at(-1)).toMatchObject({
      status: 'APPROVED',
      actor: 'manager',
      comment: 'overtime agreed with payroll',
    });
    expect((await shiftsOf('t-ot')).map((s) => s.localDate)).toEqual(['2026-04-13', '2026-04-15']);
  });

  it('re-checks an approval against a roster that has changed since, rather than applying it', async () => {
    first = (await giveAway('t-c', world.shift('t-d', '2026-04-17'), 't-ot')).trade!.id;
    second = (await giveAway('t-f', world.shift('t-f', '2026-04-17'), 't-ot')).trade!.id;
    expect((await respond('t-ot', first, true)).outcome).toBe('AWAITING_APPROVAL');
    expect((await respond('t-ot', second, true)).outcome).toBe('AWAITING_APPROVAL');
    expect((await decide(second, true, 'fine')).outcome).toBe('APPROVED');
    const stale = await decide(first, true, 'fine too');
    expect(stale.outcome).toBe('REFUSED');
    expect(stale.violations.map((v) => v.rule)).toContain('ONE_SHIFT_PER_DAY');
    expect(stale.trade!.status).toBe('REJECTED');
    expect(stale.trade!.history.at(-1)!.comment).toMatch(/Re-checked against roster version \d+/);
    expect((await shiftsOf('t-c')).map((s) => s.localDate)).toContain('2026-04-17');
  });

  it('lets a manager reject with a comment that both sides see', async () => {
    const requested = await giveAway('t-e', world.shift('t-e', '2026-04-15'), 't-ot');
    // t-ot already works Wednesday: refused outright.
    expect(requested.outcome).toBe('REFUSED');
    const mondayFree = await giveAway('t-b', world.shift('t-a', '2026-04-15'), 'pick-02');
    const accepted = await respond('pick-02', mondayFree.trade!.id, true);
    expect(accepted.outcome).toBe('APPROVED');
    const notWaiting = await t.gql(
      'mutation($input: DecideTradeInput!) { decideShiftTrade(input: $input) { outcome } }',
      { input: { tradeId: mondayFree.trade!.id, approve: false } },
      manager,
    );
    expect(notWaiting.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('open shifts', () => {
  let openShiftId: string;

  it('go to exactly one of 20 employees picking one up at once; the others get CONFLICT', async () => {
    const posted = await t.gql<{
      postOpenShift: { id: string; status: string; work: { state: string; hours: number }[] };
    }>(
      `mutation($input: PostOpenShiftInput!) { postOpenShift(input: $input) { id status work { state hours } } }`,
      {
        input: {
          rosterId: world.rosterId,
          start: '2026-04-17T13:00:00Z',
          end: '2026-04-17T21:00:00Z',
          templateId: world.instance.templates.find((x) => x.lengthsHours.includes(8))!.id,
          role: 'TECHNICIAN',
          queueKey: 'q-erx',
          state: 'NC',
        },
      },
      manager,
    );
    expect(posted.errors).toBeUndefined();
    openShiftId = posted.data!.postOpenShift.id;
    expect(posted.data!.postOpenShift.work).toEqual([{ state: 'NC', hours: 8 }]);
    const offeredTo = async (who: string) =>
      (
        await t.gql<{ shiftOpportunities: { kind: string; openShift: { id: string } | null }[] }>(
          'query { shiftOpportunities(from: "2026-04-13T00:00:00Z", to: "2026-04-20T00:00:00Z") { kind openShift { id } } }',
          {},
          as(who),
        )
      ).data!.shiftOpportunities.some(
        (o) => o.kind === 'OPEN_SHIFT' && o.openShift?.id === openShiftId,
      );
    expect(await offeredTo(PICKERS[2])).toBe(true);
    expect(await offeredTo('t-nolic')).toBe(false);
    expect(await offeredTo('p-c')).toBe(false);

    const pickers = PICKERS.slice(2);
    const attempts = await Promise.all(
      [...pickers, 't-a', 't-b'].map((who) =>
        t.gql<{ pickUpOpenShift: { outcome: string } }>(
          'mutation($id: ID!) { pickUpOpenShift(openShiftId: $id) { outcome } }',
          { id: openShiftId },
          as(who),
        ),
      ),
    );
    expect(attempts).toHaveLength(20);
    const winners = attempts.filter((a) => a.data?.pickUpOpenShift.outcome === 'APPROVED');
    const conflicts = attempts.filter((a) => a.errors?.[0].extensions?.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const contenders = [...pickers, 't-a', 't-b'].map((who) => world.employee(who));
    const rows = await t.app
      .get(DataSource)
      .query<{ n: string }[]>(
        `SELECT count(*) AS n FROM roster_shift WHERE roster_id = $1 AND start_at = '2026-04-17T13:00:00Z' AND employee_id = ANY($2)`,
        [world.rosterId, contenders],
      );
    expect(Number(rows[0].n)).toBe(1);
    const shown = await t.gql<{ openShifts: { id: string; status: string }[] }>(
      'query($id: ID!) { openShifts(rosterId: $id) { id status } }',
      { id: world.rosterId },
      manager,
    );
    expect(shown.data!.openShifts).toEqual([{ id: openShiftId, status: 'FILLED' }]);
  }, 60_000);

  it('approved time off takes the employee off a published shift, opens it and tells the manager', async () => {
    const requested = await t.gql<{ requestTimeOff: { id: string } }>(
      'mutation($input: RequestTimeOffInput!) { requestTimeOff(input: $input) { id } }',
      {
        input: {
          employeeId: world.employee('t-a'),
          start: '2026-04-14T04:00:00Z',
          end: '2026-04-15T04:00:00Z',
          reason: 'doctor',
        },
      },
      as('t-a'),
    );
    expect(requested.errors).toBeUndefined();
    const decided = await t.gql<{ decideTimeOff: { status: string; decisionComment: string } }>(
      'mutation($input: DecideTimeOffInput!) { decideTimeOff(input: $input) { status decisionComment } }',
      { input: { id: requested.data!.requestTimeOff.id, approve: true, comment: 'get well' } },
      manager,
    );
    expect(decided.data!.decideTimeOff).toEqual({
      status: 'APPROVED',
      decisionComment: 'get well',
    });
    expect((await shiftsOf('t-a')).map((s) => s.localDate)).toEqual([]);
    const open = await t.gql<{
      openShifts: { id: string; status: string; origin: string; work: { state: string }[] }[];
    }>(
      'query($id: ID!) { openShifts(rosterId: $id) { id status origin work { state } } }',
      { id: world.rosterId },
      manager,
    );
    const opened = open.data!.openShifts.find((o) => o.origin === 'TIME_OFF')!;
    expect(opened).toMatchObject({ status: 'OPEN', work: [{ state: 'NC' }] });
    const told = (await notificationsOf(manager)).find((n) => n.kind === 'SHIFT_OPENED');
    expect(told?.openShiftId).toBe(opened.id);
    // Until someone takes it, Tuesday's technician work in NC has no one: the manager hears which rules.
    expect((await notificationsOf(as('t-a'))).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['TIME_OFF_DECIDED']),
    );

    const picked = await mutate(
      'pickUpOpenShift',
      '$openShiftId: ID!',
      { openShiftId: opened.id },
      as('pick-03'),
    );
    expect(picked.outcome).toBe('APPROVED');
    expect((await shiftsOf('pick-03')).map((s) => s.localDate)).toContain('2026-04-14');
  });
});

describe('cancelling and expiry', () => {
  it('the requester cancels; an open trade expires when its shift starts', async () => {
    const tuesday = (await shiftsOf('pick-03')).find((s) => s.localDate === '2026-04-14')!.id;
    const offered = await giveAway('pick-03', tuesday, null);
    expect(offered.outcome).toBe('REQUESTED');
    const cancelled = await t.gql<{
      cancelShiftTrade: { status: string; history: { status: string }[] };
    }>(
      'mutation($input: CancelTradeInput!) { cancelShiftTrade(input: $input) { status history { status } } }',
      { input: { tradeId: offered.trade!.id, comment: 'changed my mind' } },
      as('pick-03'),
    );
    expect(cancelled.data!.cancelShiftTrade.status).toBe('CANCELLED');

    const again = await giveAway('pick-03', tuesday, null);
    clock.now = () => new Date('2026-04-14T14:00:00Z');
    try {
      const mine = await t.gql<{
        myShiftTrades: {
          id: string;
          status: string;
          history: { status: string; actor: string }[];
        }[];
      }>(
        'query { myShiftTrades(includeClosed: true) { id status history { status actor } } }',
        {},
        as('pick-03'),
      );
      const expired = mine.data!.myShiftTrades.find((x) => x.id === again.trade!.id)!;
      expect(expired.status).toBe('EXPIRED');
      expect(expired.history.at(-1)).toEqual({ status: 'EXPIRED', actor: 'system' });
    } finally {
      clock.now = () => BEFORE_WEEK;
    }
  });

  it('refuses trading someone else’s shift or one’s own twice, and unknown ids', async () => {
    const notMine = await t.gql(
      'mutation($input: OfferShiftInput!) { offerShift(input: $input) { outcome } }',
      { input: { shiftId: world.shift('t-f', '2026-04-17') } },
      as('t-e'),
    );
    expect(notMine.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ownSwap = await t.gql(
      'mutation($input: RequestShiftSwapInput!) { requestShiftSwap(input: $input) { outcome } }',
      {
        input: {
          shiftId: world.shift('t-e', '2026-04-15'),
          counterpartShiftId: world.shift('t-e', '2026-04-15'),
        },
      },
      as('t-e'),
    );
    expect(ownSwap.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'input.counterpartShiftId',
    });
    const unknown = await t.gql(
      'mutation($id: ID!) { pickUpOpenShift(openShiftId: $id) { outcome } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      as('t-e'),
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'openShiftId',
    });
  });
});

describe('a newer version of the roster', () => {
  it('closes the trades and open shifts of the version it replaces and tells everyone', async () => {
    const friday = (await shiftsOf('t-c')).find((s) => s.localDate === '2026-04-17')!.id;
    const offer = await giveAway('t-c', friday, null);
    expect(offer.outcome).toBe('REQUESTED');
    const posted = await t.gql<{ postOpenShift: { id: string } }>(
      `mutation($input: PostOpenShiftInput!) { postOpenShift(input: $input) { id } }`,
      {
        input: {
          rosterId: world.rosterId,
          start: '2026-04-16T13:00:00Z',
          end: '2026-04-16T21:00:00Z',
          templateId: world.instance.templates.find((x) => x.lengthsHours.includes(8))!.id,
          role: 'TECHNICIAN',
        },
      },
      manager,
    );
    expect(posted.errors).toBeUndefined();

    const newVersion = await publishCopy(t, world, manager);
    const trade = await t.gql<{ shiftTrade: Trade }>(
      `query($id: ID!) { shiftTrade(id: $id) { ${TRADE} } }`,
      { id: offer.trade!.id },
      as('t-c'),
    );
    expect(trade.data!.shiftTrade.status).toBe('CANCELLED');
    expect(trade.data!.shiftTrade.history.at(-1)).toMatchObject({ actor: 'system' });
    const open = await t.gql<{ openShifts: { id: string; status: string }[] }>(
      'query($id: ID!) { openShifts(rosterId: $id) { id status } }',
      { id: world.rosterId },
      manager,
    );
    expect(open.data!.openShifts.find((o) => o.id === posted.data!.postOpenShift.id)?.status).toBe(
      'CANCELLED',
    );
    const told = await t.gql<{ myNotifications: { kind: string; rosterId: string | null }[] }>(
      'query { myNotifications { kind rosterId } }',
      {},
      as('t-c'),
    );
    expect(told.data!.myNotifications).toContainEqual({
      kind: 'ROSTER_PUBLISHED',
      rosterId: newVersion,
    });
  });
});
