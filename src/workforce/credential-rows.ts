import type { EntityManager } from 'typeorm';
import { diffRecord, type EntityChange } from '../audit/entity-changes.js';
import { BulkRowOutcome, type WriteOutcome } from '../common/graphql/bulk.js';
import type { CertificationRowInput, LicenceRowInput } from './graphql/employee.input.js';
import { lockKeys } from './key-locks.js';

/** A request row, with the id of the employee its externalId names. */
export type CredentialRow<R> = R & { employeeId: string };

/** Writes the rows and returns an outcome per request key; `changes` receives the audit changes. */
export type CredentialWriter<R> = (
  manager: EntityManager,
  rows: CredentialRow<R>[],
  changes: (EntityChange | undefined)[],
) => Promise<Map<string, WriteOutcome>>;

/** A stored row as read before the upsert: its id, its key in the table, its audited fields. */
type StoredRow<K extends string> = Record<K, string | null> & { id: string; key: string };

interface UpsertedRow {
  id: string;
  key: string;
  inserted: boolean;
}

interface CredentialTable<R, K extends string> {
  readonly entityType: string;
  /** Compared and recorded in the audit trail. */
  readonly fields: readonly K[];
  /** The row's key in the table (employee id/…), spelt as the SQL spells `key`. */
  readonly keyOf: (row: CredentialRow<R>) => string;
  /** The row's key in the request (externalId/…). */
  readonly requestKeyOf: (row: R) => string;
}

const LICENCES: CredentialTable<
  LicenceRowInput,
  'employeeId' | 'state' | 'kind' | 'number' | 'validFrom' | 'validUntil'
> = {
  entityType: 'Licence',
  fields: ['employeeId', 'state', 'kind', 'number', 'validFrom', 'validUntil'],
  keyOf: (r) => `${r.employeeId}/${r.state}/${r.kind}`,
  requestKeyOf: (r) => `${r.employeeExternalId}/${r.state}/${r.kind}`,
};

const CERTIFICATIONS: CredentialTable<
  CertificationRowInput,
  'employeeId' | 'kind' | 'obtained' | 'expires'
> = {
  entityType: 'Certification',
  fields: ['employeeId', 'kind', 'obtained', 'expires'],
  keyOf: (r) => `${r.employeeId}/${r.kind}`,
  requestKeyOf: (r) => `${r.employeeExternalId}/${r.kind}`,
};

/**
 * INSERT … ON CONFLICT DO UPDATE … WHERE changed: atomic, and it reports which rows it created or
 * updated. The rows as they were are read first, under advisory locks on their keys so that no
 * concurrent upsert changes them in between: they give the old values for the audit trail and the
 * ids of the rows left unchanged.
 */
export const upsertLicenceRows: CredentialWriter<LicenceRowInput> = async (
  manager,
  rows,
  changes,
) => {
  if (rows.length === 0) return new Map();
  await lockKeys(manager, 'licence', rows.map(LICENCES.keyOf));
  const before = await manager.query<StoredRow<(typeof LICENCES.fields)[number]>[]>(
    `SELECT id, employee_id || '/' || state || '/' || kind AS key, employee_id AS "employeeId",
            state, kind::text AS kind, number, valid_from::text AS "validFrom", valid_until::text AS "validUntil"
     FROM licence
     WHERE (employee_id, state, kind::text) IN (SELECT * FROM unnest($1::uuid[], $2::char(2)[], $3::text[]))`,
    [rows.map((r) => r.employeeId), rows.map((r) => r.state), rows.map((r) => r.kind)],
  );
  const upserted = await manager.query<UpsertedRow[]>(
    `INSERT INTO licence (employee_id, state, kind, number, valid_from, valid_until)
     SELECT * FROM unnest($1::uuid[], $2::char(2)[], $3::licence_kind[], $4::text[], $5::date[], $6::date[])
     ON CONFLICT (employee_id, state, kind) DO UPDATE
       SET number = excluded.number, valid_from = excluded.valid_from, valid_until = excluded.valid_until, updated_at = now()
       WHERE (licence.number, licence.valid_from, licence.valid_until) IS DISTINCT FROM (excluded.number, excluded.valid_from, excluded.valid_until)
     RETURNING id, employee_id || '/' || state || '/' || kind AS key, (xmax = 0) AS inserted`,
    [
      rows.map((r) => r.employeeId),
      rows.map((r) => r.state),
      rows.map((r) => r.kind),
      rows.map((r) => r.number),
      rows.map((r) => r.validFrom),
      rows.map((r) => r.validUntil ?? null),
    ],
  );
  return outcomesAndChanges(LICENCES, rows, before, upserted, changes);
};

export const upsertCertificationRows: CredentialWriter<CertificationRowInput> = async (
  manager,
  rows,
  changes,
) => {
  if (rows.length === 0) return new Map();
  await lockKeys(manager, 'certification', rows.map(CERTIFICATIONS.keyOf));
  const before = await manager.query<StoredRow<(typeof CERTIFICATIONS.fields)[number]>[]>(
    `SELECT id, employee_id || '/' || kind AS key, employee_id AS "employeeId", kind::text AS kind,
            obtained::text AS obtained, expires::text AS expires
     FROM certification
     WHERE (employee_id, kind::text) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    [rows.map((r) => r.employeeId), rows.map((r) => r.kind)],
  );
  const upserted = await manager.query<UpsertedRow[]>(
    `INSERT INTO certification (employee_id, kind, obtained, expires)
     SELECT * FROM unnest($1::uuid[], $2::certification_kind[], $3::date[], $4::date[])
     ON CONFLICT (employee_id, kind) DO UPDATE
       SET obtained = excluded.obtained, expires = excluded.expires, updated_at = now()
       WHERE (certification.obtained, certification.expires) IS DISTINCT FROM (excluded.obtained, excluded.expires)
     RETURNING id, employee_id || '/' || kind AS key, (xmax = 0) AS inserted`,
    [
      rows.map((r) => r.employeeId),
      rows.map((r) => r.kind),
      rows.map((r) => r.obtained),
      rows.map((r) => r.expires ?? null),
    ],
  );
  return outcomesAndChanges(CERTIFICATIONS, rows, before, upserted, changes);
};

/**
 * Outcome per request key: rows the upsert returned were created or updated (and are noted in
 * `changes` with their old values); the others existed unchanged.
 */
function outcomesAndChanges<R, K extends string>(
  table: CredentialTable<R, K>,
  rows: CredentialRow<R>[],
  before: StoredRow<K>[],
  upserted: UpsertedRow[],
  changes: (EntityChange | undefined)[],
): Map<string, WriteOutcome> {
  const stored = new Map(before.map((row) => [row.key, row]));
  const written = new Map(upserted.map((row) => [row.key, row]));
  const outcomes = new Map<string, WriteOutcome>();
  for (const row of rows) {
    const key = table.keyOf(row);
    const old = stored.get(key);
    const done = written.get(key);
    if (done) {
      const previous = done.inserted ? undefined : old;
      changes.push(diffRecord(table.entityType, done.id, previous, row, table.fields));
      outcomes.set(table.requestKeyOf(row), {
        outcome: done.inserted ? BulkRowOutcome.CREATED : BulkRowOutcome.UPDATED,
        id: done.id,
      });
    } else if (old) {
      outcomes.set(table.requestKeyOf(row), { outcome: BulkRowOutcome.UNCHANGED, id: old.id });
    }
  }
  return outcomes;
}
