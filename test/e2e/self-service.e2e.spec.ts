import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import ical from 'node-ical';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SampleOrganisationSeeder } from '../../src/planning/sample-organisation.seeder.js';
import { RosterEntity, type StoredAllocation } from '../../src/rostering/entities/roster.entity.js';
import { ROSTER_SOLVER } from '../../src/rostering/roster-solver.js';
import { CalendarFeedEntity } from '../../src/self-service/calendar-feed.entity.js';
import { SELF_SERVICE_CLOCK } from '../../src/self-service/clock.js';
import { EmployeeEntity } from '../../src/workforce/entities/employee.entity.js';
import { ScriptedSolver } from '../support/fake-solvers.js';
import { createTestApp, Role, type TestApp } from '../support/test-app.js';
import { waitForRun } from '../support/optimization-runs.js';

/** Contains the US fall-back: Sunday 2026-11-01, 02:00 local. */
const DST_WEEK = '2026-10-26';
const NEXT_WEEK = '2026-11-02';
/** The calendar feed's "now": its window (30 days back, 90 ahead) covers both weeks. */
const NOW = new Date('2026-11-05T12:00:00Z');
const FROM = '2026-10-25T00:00:00Z';
const TO = '2026-11-10T00:00:00Z';

const solver = new ScriptedSolver();
let t: TestApp;
let manager: string;

interface ManagerShift {
  id: string;
  employeeId: string;
  employeeName: string;
  role: string;
  start: string;
  end: string;
  timeZone: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  paidHours: number;
}
interface MyShift {
  id: string;
  start: string;
  end: string;
  timeZone: string;
  localDate: string;
  localStart: string;
  localEnd: string;
  paidHours: number;
  rosterId: string;
  rosterVersion: number;
  allocations: { queueKey: string; queueName: string; state: string; intervals: number }[];
  supervisingPharmacists: string[];
}
const MY_SHIFT_FIELDS =
  'id start end timeZone localDate localStart localEnd paidHours rosterId rosterVersion allocations { queueKey queueName state intervals hours } supervisingPharmacists';
const MY_SHIFTS = `query($from: Instant!, $to: Instant!) { myShifts(from: $from, to: $to) { ${MY_SHIFT_FIELDS} } }`;

async function produceDraft(week: string): Promise<string> {
  solver.behaviour = 'witness';
  const started = await t.gql<{ startRosterOptimization: { id: string } }>(
    `mutation($input: StartRosterOptimizationInput!) { startRosterOptimization(input: $input) { id } }`,
    { input: { week, timeLimitSeconds: 5 } },
    manager,
  );
  expect(started.errors).toBeUndefined();
  const id = started.data!.startRosterOptimization.id;
  const run = await waitForRun<{ status: string; rosterId: string | null }>(
    t,
    manager,
    id,
    'status rosterId',
    { timeoutMs: 20_000 },
  );
  if (run.status !== 'SUCCEEDED') throw new Error(`run ${id} ended ${run.status}`);
  return run.rosterId!;
}

async function publish(rosterId: string): Promise<void> {
  const res = await t.gql(
    `mutation($id: ID!) { publishRoster(id: $id) { status } }`,
    { id: rosterId },
    manager,
  );
  expect(res.errors).toBeUndefined();
}

async function rosterShifts(rosterId: string): Promise<ManagerShift[]> {
  const res = await t.gql<{ roster: { shifts: ManagerShift[] } }>(
    `query($id: ID!) { roster(id: $id) { shifts { id employeeId employeeName role start end timeZone localDate localStart localEnd paidHours } } }`,
    { id: rosterId },
    manager,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.roster.shifts;
}

function myShifts(token: string, from = FROM, to = TO) {
  return t.gql<{ myShifts: MyShift[] }>(MY_SHIFTS, { from, to }, token);
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  new Date(a.start) < new Date(b.end) && new Date(a.end) > new Date(b.start);

const localTime = (iso: string) => iso.slice(11, 16);
const offset = (iso: string) => iso.slice(-6);

let published: { id: string; version: number; shifts: ManagerShift[] }[];
let technician: { employeeId: string; token: string; shifts: ManagerShift[] };
let otherTechnician: { employeeId: string; token: string };

beforeAll(async () => {
  t = await createTestApp({
    override: (builder) =>
      builder
        .overrideProvider(ROSTER_SOLVER)
        .useValue(solver)
        .overrideProvider(SELF_SERVICE_CLOCK)
        .useValue({ now: () => NOW }),
  });
  manager = t.token(Role.MANAGER, 'manager');
  const seeder = t.app.get(SampleOrganisationSeeder);
  await seeder.seedOrganisation('small', 2, DST_WEEK);
  await seeder.seedOrganisation('small', 2, NEXT_WEEK);
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('myShifts', () => {
  it('shows no draft roster’s shifts', async () => {
    const draftId = await produceDraft(DST_WEEK);
    const draft = await rosterShifts(draftId);
    const someone = draft.find((s) => s.role === 'TECHNICIAN')!;
    const res = await myShifts(t.token(Role.TECHNICIAN, 'tech', someone.employeeId));
    expect(res.errors).toBeUndefined();
    expect(res.data!.myShifts).toEqual([]);

    await publish(draftId);
    const nextId = await produceDraft(NEXT_WEEK);
    await publish(nextId);
    published = [
      { id: draftId, version: 1, shifts: draft },
      { id: nextId, version: 1, shifts: await rosterShifts(nextId) },
    ];
    // A newer draft of the DST week: still not shown, the published version is.
    const laterDraft = await produceDraft(DST_WEEK);
    expect(laterDraft).not.toBe(draftId);
    const after = await myShifts(t.token(Role.TECHNICIAN, 'tech', someone.employeeId));
    const rosterIds = new Set(after.data!.myShifts.map((s) => s.rosterId));
    expect(rosterIds.has(laterDraft)).toBe(false);
    expect(after.data!.myShifts.length).toBeGreaterThan(0);
  });

  it('returns exactly the employee’s published shifts, with local times across the DST change', async () => {
    const all = published.flatMap((r) => r.shifts);
    // A technician in a zone that observes DST, working the same wall-clock start before and after.
    const candidates = [
      ...new Set(all.filter((s) => s.role === 'TECHNICIAN').map((s) => s.employeeId)),
    ];
    const withDstPair = candidates.find((id) => {
      const mine = all.filter((s) => s.employeeId === id);
      return mine.some((a) =>
        mine.some(
          (b) =>
            localTime(a.localStart) === localTime(b.localStart) &&
            offset(a.localStart) !== offset(b.localStart),
        ),
      );
    });
    expect(withDstPair).toBeDefined();
    const employeeId = withDstPair!;
    technician = {
      employeeId,
      token: t.token(Role.TECHNICIAN, 'tech-a', employeeId),
      shifts: all.filter((s) => s.employeeId === employeeId),
    };
    otherTechnician = {
      employeeId: candidates.find((id) => id !== employeeId)!,
      token: '',
    };
    otherTechnician.token = t.token(Role.TECHNICIAN, 'tech-b', otherTechnician.employeeId);

    const res = await myShifts(technician.token);
    expect(res.errors).toBeUndefined();
    const mine = res.data!.myShifts;
    const expected = technician.shifts
      .filter((s) => overlaps(s, { start: FROM, end: TO }))
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(mine.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    for (const [i, shift] of mine.entries()) {
      const want = expected[i];
      expect(shift).toMatchObject({
        start: want.start,
        end: want.end,
        timeZone: want.timeZone,
        localDate: want.localDate,
        localStart: want.localStart,
        localEnd: want.localEnd,
        paidHours: want.paidHours,
      });
      const roster = published.find((r) => r.shifts.some((s) => s.id === shift.id))!;
      expect(shift).toMatchObject({ rosterId: roster.id, rosterVersion: roster.version });
      // Local times are the same instants, in the employee's zone, with its offset that day.
      const local = DateTime.fromISO(shift.localStart, { setZone: true });
      expect(local.toMillis()).toBe(new Date(shift.start).getTime());
      expect(local.offset).toBe(DateTime.fromISO(shift.start, { zone: shift.timeZone }).offset);
      expect(shift.start).toMatch(/Z$/);
    }
    // The DST check: same wall-clock start, different UTC offsets, before and after 2026-11-01.
    const fallBack = '2026-11-01T06:00:00Z';
    const before = mine.filter((s) => s.start < fallBack);
    const after = mine.filter((s) => s.start > fallBack);
    const pair = before
      .map(
        (b) => [b, after.find((a) => localTime(a.localStart) === localTime(b.localStart))] as const,
      )
      .find(([, a]) => a !== undefined);
    expect(pair).toBeDefined();
    const [early, late] = pair as readonly [MyShift, MyShift];
    expect(offset(early.localStart)).not.toBe(offset(late.localStart));
    expect(
      DateTime.fromISO(early.localStart, { setZone: true }).offset -
        DateTime.fromISO(late.localStart, { setZone: true }).offset,
    ).toBe(60);
    const utcMinutes = (iso: string) =>
      new Date(iso).getUTCHours() * 60 + new Date(iso).getUTCMinutes();
    expect((utcMinutes(late.start) - utcMinutes(early.start) + 1440) % 1440).toBe(60);
  });

  it('summarises the queue/state allocations and names the pharmacists on duty', async () => {
    // The witness solver stores no allocations: give the technician's DST-week shifts some, on the
    // week grid (Monday 00:00 in the roster's zone + i × intervalMinutes), plus one just outside.
    const repository = t.app.get(DataSource).getRepository(RosterEntity);
    const roster = await repository.findOneByOrFail({ id: published[0].id });
    const origin = DateTime.fromISO(roster.week, { zone: roster.timeZone }).toMillis();
    const step = roster.intervalMinutes * 60_000;
    const queues = (
      await t.gql<{ queues: { id: string; key: string; name: string }[] }>(
        '{ queues { id key name } }',
        undefined,
        manager,
      )
    ).data!.queues;
    expect(queues.length).toBeGreaterThanOrEqual(2);
    const [qa, qb] = queues;
    const dstShifts = published[0].shifts.filter((s) => s.employeeId === technician.employeeId);
    expect(dstShifts.length).toBeGreaterThan(0);
    const allocations: StoredAllocation[] = [...roster.allocations];
    const expected = new Map<string, { queueKey: string; state: string; intervals: number }[]>();
    for (const shift of dstShifts) {
      const first = (new Date(shift.start).getTime() - origin) / step;
      const last = (new Date(shift.end).getTime() - origin) / step;
      expect(Number.isInteger(first) && Number.isInteger(last)).toBe(true);
      for (let i = first; i < last; i++)
        allocations.push([
          technician.employeeId,
          i,
          ...(i - first < 4 ? [qa.id, 'NC'] : [qb.id, 'TX']),
        ] as StoredAllocation);
      allocations.push([technician.employeeId, first - 1, qa.id, 'CA']);
      allocations.push([technician.employeeId, last, qb.id, 'CA']);
      const n = last - first;
      expected.set(
        shift.id,
        [
          { queueKey: qa.key, state: 'NC', intervals: Math.min(4, n) },
          { queueKey: qb.key, state: 'TX', intervals: n - 4 },
        ]
          .filter((a) => a.intervals > 0)
          .sort((a, b) => b.intervals - a.intervals || a.queueKey.localeCompare(b.queueKey)),
      );
    }
    await repository.update({ id: roster.id }, { allocations });

    const mine = (await myShifts(technician.token)).data!.myShifts;
    for (const shift of mine) {
      const want = expected.get(shift.id) ?? [];
      expect(
        shift.allocations.map(({ queueKey, state, intervals }) => ({ queueKey, state, intervals })),
      ).toEqual(want);
      const pharmacists = [
        ...new Set(
          published
            .flatMap((r) => r.shifts)
            .filter((p) => p.role === 'PHARMACIST' && overlaps(p, shift))
            .map((p) => p.employeeName),
        ),
      ].sort((a, b) => a.localeCompare(b));
      expect(shift.supervisingPharmacists).toEqual(pharmacists);
    }
    expect(mine.some((s) => s.allocations.length > 0)).toBe(true);
    expect(mine.some((s) => s.supervisingPharmacists.length > 0)).toBe(true);
  });

  it('shows a renamed pharmacist and a changed zone on the next request', async () => {
    // Answers are cached per published roster version; what they show of other records (names,
    // zones) must still be current.
    const employees = t.app.get(DataSource).getRepository(EmployeeEntity);
    const first = (await myShifts(technician.token)).data!.myShifts;
    const supervised = first.find((s) => s.supervisingPharmacists.length > 0)!;
    const pharmacist = await employees.findOneByOrFail({
      name: supervised.supervisingPharmacists[0],
    });
    const self = await employees.findOneByOrFail({ id: technician.employeeId });
    const zone = self.timeZone === 'America/Phoenix' ? 'America/Anchorage' : 'America/Phoenix';
    try {
      await employees.update({ id: pharmacist.id }, { name: `${pharmacist.name} Renamed` });
      await employees.update({ id: self.id }, { timeZone: zone });
      const after = (await myShifts(technician.token)).data!.myShifts;
      const same = after.find((s) => s.id === supervised.id)!;
      expect(same.supervisingPharmacists).toContain(`${pharmacist.name} Renamed`);
      expect(same.supervisingPharmacists).not.toContain(pharmacist.name);
      expect(after.every((s) => s.timeZone === zone)).toBe(true);
      expect(same.localStart).toBe(
        DateTime.fromISO(same.start, { zone }).toISO({ suppressMilliseconds: true }),
      );
    } finally {
      await employees.update({ id: pharmacist.id }, { name: pharmacist.name });
      await employees.update({ id: self.id }, { timeZone: self.timeZone });
    }
    expect((await myShifts(technician.token)).data!.myShifts).toEqual(first);
  });

  it('exposes no one else’s pay, licences or contact data', async () => {
    const res = await t.gql<{ __type: { fields: { name: string }[] } }>(
      `{ __type(name: "MyShift") { fields { name } } }`,
    );
    const names = res.data!.__type.fields.map((f) => f.name).join(' ');
    expect(names).not.toMatch(/rate|cost|wage|email|phone|address|licen/i);
  });

  it('shows another technician only their own shifts', async () => {
    const res = await myShifts(otherTechnician.token);
    expect(res.errors).toBeUndefined();
    const ids = new Set(technician.shifts.map((s) => s.id));
    const theirs = published
      .flatMap((r) => r.shifts)
      .filter(
        (s) => s.employeeId === otherTechnician.employeeId && overlaps(s, { start: FROM, end: TO }),
      );
    expect(res.data!.myShifts.map((s) => s.id).sort()).toEqual(theirs.map((s) => s.id).sort());
    expect(res.data!.myShifts.some((s) => ids.has(s.id))).toBe(false);
  });

  it('refuses a token without an employee record', async () => {
    const res = await myShifts(t.token(Role.TECHNICIAN, 'no-employee'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'to'],
    ['2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z', 'to'],
    ['2026-10-01T00:00:00Z', '2026-12-02T00:00:01Z', 'to'],
  ])('rejects the range %s … %s naming %s', async (from, to, field) => {
    const res = await myShifts(technician.token, from, to);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('accepts exactly 62 days, and rejects an instant without offset', async () => {
    const ok = await myShifts(technician.token, '2026-10-01T00:00:00Z', '2026-12-02T00:00:00Z');
    expect(ok.errors).toBeUndefined();
    const bad = await myShifts(technician.token, '2026-10-01T00:00:00', TO);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('calendar feed', () => {
  let feed: { id: string; url: string; token: string };

  const fetchFeed = (token: string) => request(t.app.getHttpServer()).get(`/calendar/${token}.ics`);

  it('creates a feed whose .ics round-trips through node-ical', async () => {
    const res = await t.gql<{ createCalendarFeed: { id: string; url: string; token: string } }>(
      `mutation { createCalendarFeed { id url token createdAt } }`,
      undefined,
      technician.token,
    );
    expect(res.errors).toBeUndefined();
    feed = res.data!.createCalendarFeed;
    expect(feed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(feed.url).toMatch(new RegExp(`/calendar/${feed.token}\\.ics$`));
    const stored = await t.app
      .get(DataSource)
      .getRepository(CalendarFeedEntity)
      .findOneByOrFail({ id: feed.id });
    expect(stored.tokenHash).toBe(createHash('sha256').update(feed.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(feed.token);

    const response = await fetchFeed(feed.token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text = response.text;
    expect(text).toContain('BEGIN:VTIMEZONE');
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT');
    const expected = (await myShifts(technician.token)).data!.myShifts;
    expect(events).toHaveLength(expected.length);
    const zone = expected[0].timeZone;
    for (const shift of expected) {
      const event = events.find((e) => e.uid === `${shift.id}@telepharmacy-scheduler`);
      expect(event).toBeDefined();
      if (event?.type !== 'VEVENT') throw new Error('not an event');
      expect(event.start.getTime()).toBe(new Date(shift.start).getTime());
      expect(event.end?.getTime()).toBe(new Date(shift.end).getTime());
      expect(event.start.tz).toBe(zone);
      expect(event.end?.tz).toBe(zone);
      const summary = typeof event.summary === 'string' ? event.summary : event.summary.val;
      const hours = (new Date(shift.end).getTime() - new Date(shift.start).getTime()) / 3_600_000;
      const main = shift.allocations[0];
      expect(summary).toBe(
        `Shift (${hours} h)${main ? `: ${main.queueName} ${main.state}` : ''}${shift.allocations.length > 1 ? ` (+${shift.allocations.length - 1} more)` : ''}`,
      );
    }
    const summaries = events.map((e) =>
      typeof e?.summary === 'string' ? e.summary : (e?.summary as { val: string }).val,
    );
    expect(summaries.some((x) => /^Shift \(\d+(\.\d+)? h\): .+ (NC|TX)/.test(x))).toBe(true);
    // The local wall-clock time is written with the zone, not as UTC.
    const first = expected[0];
    const local = DateTime.fromISO(first.localStart, { setZone: true }).toFormat(
      "yyyyLLdd'T'HHmmss",
    );
    expect(text).toContain(`DTSTART;TZID=${zone}:${local}`);
  });

  it('reflects roster changes on the next request', async () => {
    const before = ical.sync.parseICS((await fetchFeed(feed.token)).text);
    const laterDraft = (
      await t.gql<{ rosters: { id: string; status: string }[] }>(
        `query($w: LocalDate!) { rosters(week: $w) { id status } }`,
        { w: DST_WEEK },
        manager,
      )
    ).data!.rosters.find((r) => r.status === 'DRAFT')!.id;
    await publish(laterDraft);
    const after = ical.sync.parseICS((await fetchFeed(feed.token)).text);
    const uids = (cal: typeof before) =>
      Object.values(cal)
        .filter((c) => c?.type === 'VEVENT')
        .map((c) => (c as { uid: string }).uid);
    const newShifts = (await rosterShifts(laterDraft)).filter(
      (s) => s.employeeId === technician.employeeId,
    );
    for (const s of newShifts) expect(uids(after)).toContain(`${s.id}@telepharmacy-scheduler`);
    const oldDstIds = published[0].shifts
      .filter((s) => s.employeeId === technician.employeeId)
      .map((s) => `${s.id}@telepharmacy-scheduler`);
    for (const uid of oldDstIds) {
      expect(uids(before)).toContain(uid);
      expect(uids(after)).not.toContain(uid);
    }
  });

  it('answers an unknown token with a bare 404', async () => {
    for (const token of ['A'.repeat(43), 'nope', feed.token.slice(0, 42)]) {
      const response = await fetchFeed(token);
      expect(response.status).toBe(404);
      expect(response.text).not.toMatch(/revoked|token|employee/i);
    }
  });

  it('lets no technician revoke another employee’s feed', async () => {
    const res = await t.gql(
      `mutation($id: ID!) { revokeCalendarFeed(id: $id) { id revokedAt } }`,
      { id: feed.id },
      otherTechnician.token,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await fetchFeed(feed.token)).status).toBe(200);
  });

  it('revokes a feed: its URL then answers 404', async () => {
    const res = await t.gql<{ revokeCalendarFeed: { id: string; revokedAt: string | null } }>(
      `mutation($id: ID!) { revokeCalendarFeed(id: $id) { id revokedAt } }`,
      { id: feed.id },
      technician.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.revokeCalendarFeed.revokedAt).not.toBeNull();
    const response = await fetchFeed(feed.token);
    expect(response.status).toBe(404);
    expect(response.text).not.toMatch(/revoked/i);
  });

  it('lets a manager revoke anyone’s feed; unknown ids are NOT_FOUND', async () => {
    const created = await t.gql<{ createCalendarFeed: { id: string; token: string } }>(
      `mutation { createCalendarFeed { id token } }`,
      undefined,
      otherTechnician.token,
    );
    const { id, token } = created.data!.createCalendarFeed;
    expect((await fetchFeed(token)).status).toBe(200);
    const revoked = await t.gql(
      `mutation($id: ID!) { revokeCalendarFeed(id: $id) { revokedAt } }`,
      { id },
      manager,
    );
    expect(revoked.errors).toBeUndefined();
    expect((await fetchFeed(token)).status).toBe(404);
    const unknown = await t.gql(
      `mutation($id: ID!) { revokeCalendarFeed(id: $id) { revokedAt } }`,
      { id: '00000000-0000-4000-8000-000000000001' },
      manager,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to create a feed for a token without an employee record', async () => {
    const res = await t.gql(
      `mutation { createCalendarFeed { id } }`,
      undefined,
      t.token(Role.PHARMACIST, 'nobody'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
