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
import { AuditChanges } from '../audit/audit-changes.js';
import { diffRecord, type EntityChange } from '../audit/entity-changes.js';
import { rowError, validateRow } from '../common/validators.js';
import { ErrorCode, ValidationFailedError } from '../core/errors.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { EmployeeEntity } from './entities/employee.entity.js';
import type { EmployeeRowInput, UpsertEmployeesInput } from './graphql/employee.input.js';
import { lockKeys } from './key-locks.js';

type EmployeeFields = Omit<EmployeeEntity, 'id' | 'seq' | 'licences' | 'createdAt' | 'updatedAt'>;

const DEFAULTS = {
  email: null,
  minHoursPerWeek: 0,
  maxHoursPerWeek: 40,
  maxHoursPerDay: 10,
  minRestHours: 10,
  maxConsecutiveDays: 6,
  overtimeThresholdHours: 40,
  overtimeMultiplier: 1.5,
  skills: [] as string[],
  remote: true,
  remoteExperienceHours: 0,
  active: true,
} satisfies Partial<EmployeeFields>;

/** The fields an upsert may change, compared to tell UPDATED from UNCHANGED and recorded in the audit trail. */
const EMPLOYEE_FIELDS: (keyof EmployeeFields)[] = [
  'externalId',
  'role',
  'name',
  'email',
  'timeZone',
  'hireDate',
  'minHoursPerWeek',
  'maxHoursPerWeek',
  'maxHoursPerDay',
  'minRestHours',
  'maxConsecutiveDays',
  'overtimeThresholdHours',
  'overtimeMultiplier',
  'hourlyRate',
  'skills',
  'remote',
  'remoteExperienceHours',
  'active',
];

/** Rejects a request that names the same key twice: which row should win would be a guess. */
export function assertUniqueKeys(keys: string[], field: string): void {
  const seen = new Map<string, number>();
  keys.forEach((key, index) => {
    const first = seen.get(key);
    if (first !== undefined) {
      throw ValidationFailedError.forField(
        `input.rows[${index}].${field}`,
        key,
        `duplicates input.rows[${first}]; each key may appear once per request`,
      );
    }
    seen.set(key, index);
  });
}

/**
 * Idempotent bulk upsert of employees by externalId: row-by-row validation, one short transaction.
 * Each employee created or changed is noted for the audit trail with its old and new values.
 */
@Injectable()
export class EmployeeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditChanges: AuditChanges,
  ) {}

  async upsert(input: UpsertEmployeesInput): Promise<BulkUpsertResult> {
    const keys = input.rows.map((row) => row.externalId);
    assertUniqueKeys(keys, 'externalId');
    const rejections = await this.validateRows(input.rows);
    if (input.allOrNothing && rejections.size > 0)
      return summariseBulk(keys, rejections, new Map(), false);
    const changes: (EntityChange | undefined)[] = [];
    const result = await writeAllOrNothing(
      this.dataSource,
      keys,
      rejections,
      input.allOrNothing,
      (manager) => this.write(manager, input.rows, rejections, changes),
    );
    if (result.applied) this.auditChanges.note(changes);
    return result;
  }

  private async validateRows(rows: EmployeeRowInput[]): Promise<Map<number, RowError[]>> {
    const rejections = new Map<number, RowError[]>();
    const knownQueues = await this.knownQueueKeys(rows.flatMap((row) => row.skills ?? []));
    rows.forEach((row, index) => {
      const errors = validateRow(row, index);
      for (const skill of row.skills ?? []) {
        if (!knownQueues.has(skill))
          errors.push(
            rowError(index, 'skills', skill, 'no queue has this key', ErrorCode.NOT_FOUND),
          );
      }
      if (errors.length > 0) rejections.set(index, errors);
    });
    return rejections;
  }

  private async knownQueueKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const queues = await this.dataSource
      .getRepository(QueueEntity)
      .find({ select: { key: true }, where: { key: In([...new Set(keys)]) } });
    return new Set(queues.map((queue) => queue.key));
  }

  /**
   * Serialises concurrent upserts of the same externalIds (advisory locks), then merges; `changes`
   * receives what was written, for the audit trail once the transaction has committed.
   */
  private async write(
    manager: EntityManager,
    rows: EmployeeRowInput[],
    rejections: Map<number, RowError[]>,
    changes: (EntityChange | undefined)[],
  ): Promise<Map<number, WriteOutcome>> {
    const valid = rows
      .map((row, index) => ({ row, index }))
      .filter(({ index }) => !rejections.has(index));
    const written = new Map<number, WriteOutcome>();
    if (valid.length === 0) return written;
    const keys = valid.map(({ row }) => row.externalId);
    await lockKeys(manager, 'employee', keys);
    const repository = manager.getRepository(EmployeeEntity);
    const existing = new Map(
      (await repository.findBy({ externalId: In(keys) })).map((e) => [e.externalId, e]),
    );
    const inserts: { index: number; fields: EmployeeFields }[] = [];
    for (const { row, index } of valid) {
      const current = existing.get(row.externalId);
      const merged = mergeEmployee(row, current);
      const problem = contractProblem(merged);
      if (problem) {
        rejections.set(index, [rowError(index, problem.field, problem.value, problem.reason)]);
      } else if (!current) {
        inserts.push({ index, fields: merged });
      } else {
        const change = diffRecord('Employee', current.id, current, merged, EMPLOYEE_FIELDS);
        if (change) {
          await repository.update({ id: current.id }, merged);
          changes.push(change);
        }
        written.set(index, {
          outcome: change ? BulkRowOutcome.UPDATED : BulkRowOutcome.UNCHANGED,
          id: current.id,
        });
      }
    }
    for (let start = 0; start < inserts.length; start += 500) {
      const chunk = inserts.slice(start, start + 500);
      const result = await repository.insert(chunk.map(({ fields }) => fields));
      chunk.forEach(({ index, fields }, i) => {
        const id = (result.identifiers[i] as { id: string }).id;
        written.set(index, { outcome: BulkRowOutcome.CREATED, id });
        changes.push(diffRecord('Employee', id, undefined, fields, EMPLOYEE_FIELDS));
      });
    }
    return written;
  }
}

function mergeEmployee(row: EmployeeRowInput, current: EmployeeEntity | undefined): EmployeeFields {
  const base: Omit<
    EmployeeFields,
    'externalId' | 'role' | 'name' | 'timeZone' | 'hireDate' | 'hourlyRate'
  > = current ?? DEFAULTS;
  const pick = <K extends keyof typeof base>(
    key: K,
    value: (typeof base)[K] | undefined | null,
  ): (typeof base)[K] => (value === undefined || value === null ? base[key] : value);
  return {
    externalId: row.externalId,
    role: row.role,
    name: row.name,
    timeZone: row.timeZone,
    hireDate: row.hireDate,
    hourlyRate: row.hourlyRate,
    email: pick('email', row.email),
    minHoursPerWeek: pick('minHoursPerWeek', row.minHoursPerWeek),
    maxHoursPerWeek: pick('maxHoursPerWeek', row.maxHoursPerWeek),
    maxHoursPerDay: pick('maxHoursPerDay', row.maxHoursPerDay),
    minRestHours: pick('minRestHours', row.minRestHours),
    maxConsecutiveDays: pick('maxConsecutiveDays', row.maxConsecutiveDays),
    overtimeThresholdHours: pick('overtimeThresholdHours', row.overtimeThresholdHours),
    overtimeMultiplier: pick('overtimeMultiplier', row.overtimeMultiplier),
    skills: pick('skills', row.skills ? [...new Set(row.skills)].sort() : undefined),
    remote: pick('remote', row.remote),
    remoteExperienceHours: pick('remoteExperienceHours', row.remoteExperienceHours),
    active: pick('active', row.active),
  };
}

function contractProblem(
  e: EmployeeFields,
): { field: string; value: number; reason: string } | undefined {
  if (e.minHoursPerWeek > e.maxHoursPerWeek) {
    return {
      field: 'minHoursPerWeek',
      value: e.minHoursPerWeek,
      reason: `must not exceed maxHoursPerWeek (${e.maxHoursPerWeek})`,
    };
  }
  if (e.maxHoursPerDay > e.maxHoursPerWeek && e.maxHoursPerWeek > 0) {
    return {
      field: 'maxHoursPerDay',
      value: e.maxHoursPerDay,
      reason: `must not exceed maxHoursPerWeek (${e.maxHoursPerWeek})`,
    };
  }
  return undefined;
}
