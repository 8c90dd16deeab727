import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  BulkRowOutcome,
  summariseBulk,
  writeAllOrNothing,
  type BulkUpsertResult,
  type RowError,
  type WriteOutcome,
} from '../common/graphql/bulk.js';
import { rowError, validateRow } from '../common/validators.js';
import { ErrorCode } from '../core/errors.js';
import { assertUniqueKeys } from './employee-import.service.js';
import { EmployeeEntity, EmployeeRole } from './entities/employee.entity.js';
import { LicenceKind } from './entities/licence.entity.js';
import type {
  CertificationRowInput,
  LicenceRowInput,
  UpsertCertificationsInput,
  UpsertLicencesInput,
} from './graphql/employee.input.js';

const PHARMACIST_KINDS = new Set([LicenceKind.PHARMACIST_LICENCE]);

/** Idempotent bulk upserts of licences and certifications, keyed through the employee's externalId. */
@Injectable()
export class CredentialImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  upsertLicences(input: UpsertLicencesInput): Promise<BulkUpsertResult> {
    return this.upsert(
      input,
      (row) => `${row.employeeExternalId}/${row.state}/${row.kind}`,
      licenceProblems,
      upsertLicenceRows,
    );
  }

  upsertCertifications(input: UpsertCertificationsInput): Promise<BulkUpsertResult> {
    return this.upsert(
      input,
      (row) => `${row.employeeExternalId}/${row.kind}`,
      (row, index) => certificationProblems(row, index),
      upsertCertificationRows,
    );
  }

  /**
   * The shared flow: reject duplicate keys, validate each row (and its employee), then write the
   * valid rows in one transaction — or nothing, in all-or-nothing mode with a rejection.
   */
  private async upsert<R extends { employeeExternalId: string }>(
    input: { rows: R[]; allOrNothing: boolean },
    keyOf: (row: R) => string,
    problems: (row: R, index: number, employee: EmployeeEntity) => RowError[],
    write: (
      manager: EntityManager,
      rows: (R & { employeeId: string })[],
    ) => Promise<Map<string, WriteOutcome>>,
  ): Promise<BulkUpsertResult> {
    const keys = input.rows.map(keyOf);
    assertUniqueKeys(keys, 'employeeExternalId');
    const employees = await this.employeesByExternalId(
      input.rows.map((row) => row.employeeExternalId),
    );
    const rejections = this.validate(input.rows, employees, problems);
    if (input.allOrNothing && rejections.size > 0)
      return summariseBulk(keys, rejections, new Map(), false);
    return writeAllOrNothing(
      this.dataSource,
      keys,
      rejections,
      input.allOrNothing,
      async (manager) => {
        const valid = indexed(input.rows).filter(({ index }) => !rejections.has(index));
        const upserted = await write(
          manager,
          valid.map(({ row }) => ({
            ...row,
            employeeId: employees.get(row.employeeExternalId)!.id,
          })),
        );
        return outcomesByKey(
          valid.map(({ index }) => ({ index, key: keys[index] })),
          upserted,
        );
      },
    );
  }

  private async employeesByExternalId(externalIds: string[]): Promise<Map<string, EmployeeEntity>> {
    const found = await this.dataSource.getRepository(EmployeeEntity).find({
      select: { id: true, externalId: true, role: true },
      where: { externalId: In([...new Set(externalIds)]) },
    });
    return new Map(found.map((employee) => [employee.externalId, employee]));
  }

  private validate<R extends { employeeExternalId: string }>(
    rows: R[],
    employees: Map<string, EmployeeEntity>,
    problems: (row: R, index: number, employee: EmployeeEntity) => RowError[],
  ): Map<number, RowError[]> {
    const rejections = new Map<number, RowError[]>();
    rows.forEach((row, index) => {
      const errors = validateRow(row, index);
      const employee = employees.get(row.employeeExternalId);
      if (!employee) {
        errors.push(
          rowError(
            index,
            'employeeExternalId',
            row.employeeExternalId,
            'no employee has this externalId',
            ErrorCode.NOT_FOUND,
          ),
        );
      } else if (errors.length === 0) {
        errors.push(...problems(row, index, employee));
      }
      if (errors.length > 0) rejections.set(index, errors);
    });
    return rejections;
  }
}

function indexed<R>(rows: R[]): { row: R; index: number }[] {
  return rows.map((row, index) => ({ row, index }));
}

function licenceProblems(
  row: LicenceRowInput,
  index: number,
  employee: EmployeeEntity,
): RowError[] {
  const errors: RowError[] = [];
  if (row.validUntil && row.validUntil < row.validFrom)
    errors.push(
      rowError(
        index,
        'validUntil',
        row.validUntil,
        `must not be before validFrom (${row.validFrom})`,
      ),
    );
  const pharmacistKind = PHARMACIST_KINDS.has(row.kind);
  if (pharmacistKind !== (employee.role === EmployeeRole.PHARMACIST)) {
    errors.push(
      rowError(index, 'kind', row.kind, `does not fit the employee's role ${employee.role}`),
    );
  }
  return errors;
}

function certificationProblems(row: CertificationRowInput, index: number): RowError[] {
  return row.expires && row.expires < row.obtained
    ? [rowError(index, 'expires', row.expires, `must not be before obtained (${row.obtained})`)]
    : [];
}

function outcomesByKey(
  rows: { index: number; key: string }[],
  upserted: Map<string, WriteOutcome>,
): Map<number, WriteOutcome> {
  const outcomes = new Map<number, WriteOutcome>();
  for (const { index, key } of rows) {
    const outcome = upserted.get(key);
    if (!outcome) throw new Error(`upsert returned no row for ${key}`);
    outcomes.set(index, outcome);
  }
  return outcomes;
}

/**
 * INSERT … ON CONFLICT DO UPDATE … WHERE changed: atomic under concurrency. Rows that did not change
 * are not returned by the upsert and are looked up afterwards as UNCHANGED.
 */
async function upsertLicenceRows(
  manager: EntityManager,
  rows: (LicenceRowInput & { employeeId: string })[],
): Promise<Map<string, WriteOutcome>> {
  if (rows.length === 0) return new Map();
  const changed = await manager.query<{ id: string; key: string; inserted: boolean }[]>(
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
  const all = await manager.query<{ id: string; key: string; request_key: string }[]>(
    `SELECT l.id, l.employee_id || '/' || l.state || '/' || l.kind AS key, e.external_id || '/' || l.state || '/' || l.kind AS request_key
     FROM licence l JOIN employee e ON e.id = l.employee_id
     WHERE (l.employee_id, l.state, l.kind::text) IN (SELECT * FROM unnest($1::uuid[], $2::char(2)[], $3::text[]))`,
    [rows.map((r) => r.employeeId), rows.map((r) => r.state), rows.map((r) => r.kind)],
  );
  return byRequestKey(all, changed);
}

async function upsertCertificationRows(
  manager: EntityManager,
  rows: (CertificationRowInput & { employeeId: string })[],
): Promise<Map<string, WriteOutcome>> {
  if (rows.length === 0) return new Map();
  const changed = await manager.query<{ id: string; key: string; inserted: boolean }[]>(
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
  const all = await manager.query<{ id: string; key: string; request_key: string }[]>(
    `SELECT c.id, c.employee_id || '/' || c.kind AS key, e.external_id || '/' || c.kind AS request_key
     FROM certification c JOIN employee e ON e.id = c.employee_id
     WHERE (c.employee_id, c.kind::text) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    [rows.map((r) => r.employeeId), rows.map((r) => r.kind)],
  );
  return byRequestKey(all, changed);
}

/** Outcome per request key (externalId/...): rows the upsert returned were created or updated; the rest were unchanged. */
function byRequestKey(
  all: { id: string; key: string; request_key: string }[],
  changed: { key: string; inserted: boolean }[],
): Map<string, WriteOutcome> {
  const changes = new Map(changed.map((row) => [row.key, row.inserted]));
  return new Map(
    all.map((row): [string, WriteOutcome] => {
      const inserted = changes.get(row.key);
      const outcome =
        inserted === undefined
          ? BulkRowOutcome.UNCHANGED
          : inserted
            ? BulkRowOutcome.CREATED
            : BulkRowOutcome.UPDATED;
      return [row.request_key, { outcome, id: row.id }];
    }),
  );
}
