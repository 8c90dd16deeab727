import type { SampleOrganisation } from '../../src/planning/sample-organisation.js';
import type { TestApp } from './test-app.js';

async function call<T>(
  t: TestApp,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors)
    throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(res.errors).slice(0, 500)}`);
  return res.data!;
}

const BULK_FIELDS =
  '{ applied created updated unchanged rejected rows { index errors { field message } } }';

/** Loads an organisation through GraphQL alone, as an HR system and a manager would. Returns employee ids by externalId. */
export async function loadOrganisationOverGraphQL(
  t: TestApp,
  org: SampleOrganisation,
  tokens: { admin: string; manager: string; hr: string },
): Promise<Map<string, string>> {
  for (const input of org.ruleSets)
    await call(
      t,
      tokens.admin,
      `mutation($input: PublishRuleSetInput!) { publishRuleSet(input: $input) { id } }`,
      { input },
    );
  for (const input of org.queues)
    await call(
      t,
      tokens.manager,
      `mutation($input: UpsertQueueInput!) { upsertQueue(input: $input) { id } }`,
      { input },
    );
  for (const input of org.shiftTemplates)
    await call(
      t,
      tokens.manager,
      `mutation($input: UpsertShiftTemplateInput!) { upsertShiftTemplate(input: $input) { id } }`,
      { input },
    );
  const bulk = async (mutation: string, type: string, rows: object[]) => {
    const data = await call<Record<string, { rejected: number; rows: { errors: unknown[] }[] }>>(
      t,
      tokens.hr,
      `mutation($input: ${type}!) { ${mutation}(input: $input) ${BULK_FIELDS} }`,
      { input: { rows, allOrNothing: true } },
    );
    const result = data[mutation];
    if (result.rejected > 0)
      throw new Error(
        `${mutation} rejected rows: ${JSON.stringify(result.rows.filter((r) => r.errors.length > 0).slice(0, 3))}`,
      );
    return result;
  };
  await bulk('upsertEmployees', 'UpsertEmployeesInput', org.employees);
  if (org.licences.length) await bulk('upsertLicences', 'UpsertLicencesInput', org.licences);
  if (org.certifications.length)
    await bulk('upsertCertifications', 'UpsertCertificationsInput', org.certifications);
  const ids = new Map<string, string>();
  for (let after: string | null = null; ;) {
    const page: {
      employees: {
        edges: { node: { id: string; externalId: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await call(
      t,
      tokens.hr,
      `query($after: String) { employees(first: 500, after: $after) { edges { node { id externalId } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const edge of page.employees.edges) ids.set(edge.node.externalId, edge.node.id);
    if (!page.employees.pageInfo.hasNextPage) break;
    after = page.employees.pageInfo.endCursor;
  }
  for (const { externalId, windows } of org.availability) {
    await call(
      t,
      tokens.hr,
      `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { dayOfWeek } }`,
      { input: { employeeId: ids.get(externalId), windows } },
    );
  }
  for (const { externalId, start, end } of org.timeOff) {
    const requested = await call<{ requestTimeOff: { id: string } }>(
      t,
      tokens.manager,
      `mutation($input: RequestTimeOffInput!) { requestTimeOff(input: $input) { id } }`,
      {
        input: {
          employeeId: ids.get(externalId),
          start: start.toISOString(),
          end: end.toISOString(),
          reason: 'sample',
        },
      },
    );
    await call(
      t,
      tokens.manager,
      `mutation($input: DecideTimeOffInput!) { decideTimeOff(input: $input) { status } }`,
      { input: { id: requested.requestTimeOff.id, approve: true } },
    );
  }
  const rows = org.forecast.rows.map((row) => ({
    ...row,
    intervalStart: row.intervalStart.toISOString(),
  }));
  await call(
    t,
    tokens.manager,
    `mutation($input: ImportForecastInput!) { importForecast(input: $input) { rows } }`,
    { input: { intervalMinutes: org.forecast.intervalMinutes, rows } },
  );
  return ids;
}
