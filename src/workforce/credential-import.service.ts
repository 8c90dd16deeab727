import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import {
  summariseBulk,
  writeAllOrNothing,
  type BulkUpsertResult,
  type RowError,
  type WriteOutcome,
} from '../common/graphql/bulk.js';
import { AuditChanges } from '../audit/audit-changes.js';
import type { EntityChange } from '../audit/entity-changes.js';
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
import {
  upsertCertificationRows,
  upsertLicenceRows,
  type CredentialWriter,
} from './credential-rows.js';

const PHARMACIST_KINDS = new Set([LicenceKind.PHARMACIST_LICENCE]);

/**
 * Idempotent bulk upserts of licences and certifications, keyed through the employee's externalId.
 * Each credential created or changed is noted for the audit trail with its old and new values.
 */
@Injectable()
export class CredentialImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditChanges: AuditChanges,
  ) {}

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
    write: CredentialWriter<R>,
  ): Promise<BulkUpsertResult> {
    const keys = input.rows.map(keyOf);
    assertUniqueKeys(keys, 'employeeExternalId');
    const employees = await this.employeesByExternalId(
      input.rows.map((row) => row.employeeExternalId),
    );
    const rejections = this.validate(input.rows, employees, problems);
    if (input.allOrNothing && rejections.size > 0)
      return summariseBulk(keys, rejections, new Map(), false);
    const changes: (EntityChange | undefined)[] = [];
    const result = await writeAllOrNothing(
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
          changes,
        );
        return outcomesByKey(
          valid.map(({ index }) => ({ index, key: keys[index] })),
          upserted,
        );
      },
    );
    if (result.applied) this.auditChanges.note(changes);
    return result;
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
