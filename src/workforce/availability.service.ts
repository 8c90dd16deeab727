import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditChanges } from '../audit/audit-changes.js';
import { diffRecord } from '../audit/entity-changes.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/errors.js';
import { AvailabilityWindowEntity } from './entities/availability-window.entity.js';
import { EmployeeEntity } from './entities/employee.entity.js';
import { TimeOffEntity, TimeOffStatus } from './entities/time-off.entity.js';
import type { AvailabilityWindow, TimeOff } from './graphql/availability.model.js';
import type {
  AvailabilityWindowInput,
  DecideTimeOffInput,
  RequestTimeOffInput,
  SetAvailabilityInput,
} from './graphql/availability.input.js';
import { toAvailabilityWindow, toTimeOff } from './workforce.mappers.js';
import { parseLocalTime } from '../core/time/index.js';

const MAX_TIME_OFF_DAYS = 366;

/** Recorded in the audit trail when time off is requested or decided. */
const TIME_OFF_FIELDS = [
  'employeeId',
  'start',
  'end',
  'status',
  'reason',
  'requestedBy',
  'decidedBy',
  'decidedAt',
  'decisionComment',
] as const;

/** Windows as minutes of the local day, checked for order and overlap within each day. */
export function toWindowMinutes(
  windows: AvailabilityWindowInput[],
): { dayOfWeek: number; startMinute: number; endMinute: number }[] {
  const converted = windows.map((w, index) => {
    const startMinute = parseLocalTime(w.start);
    const endMinute = w.end ? parseLocalTime(w.end) : 1440;
    if (endMinute <= startMinute)
      throw ValidationFailedError.forField(
        `input.windows[${index}].end`,
        w.end,
        `must be after start (${w.start})`,
      );
    return { index, dayOfWeek: w.dayOfWeek, startMinute, endMinute };
  });
  const sorted = [...converted].sort(
    (a, b) => a.dayOfWeek - b.dayOfWeek || a.startMinute - b.startMinute,
  );
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous.dayOfWeek === current.dayOfWeek && current.startMinute < previous.endMinute) {
      throw ValidationFailedError.forField(
        `input.windows[${current.index}]`,
        windows[current.index],
        `overlaps input.windows[${previous.index}] on day ${current.dayOfWeek}`,
      );
    }
  }
  return converted.map(({ dayOfWeek, startMinute, endMinute }) => ({
    dayOfWeek,
    startMinute,
    endMinute,
  }));
}

function sameWindows(
  current: AvailabilityWindowEntity[],
  wanted: { dayOfWeek: number; startMinute: number; endMinute: number }[],
): boolean {
  const key = (w: { dayOfWeek: number; startMinute: number; endMinute: number }) =>
    `${w.dayOfWeek}/${w.startMinute}/${w.endMinute}`;
  const sorted = wanted.map(key).sort();
  return (
    current.length === wanted.length &&
    current
      .map(key)
      .sort()
      .every((k, i) => k === sorted[i])
  );
}

/** Availability and time off; every change is noted for the audit trail once committed. */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditChanges: AuditChanges,
  ) {}

  /**
   * Replaces an employee's recurring windows in one transaction. The audit trail records them as
   * the employee's `availability`, the whole list before and after.
   */
  async setAvailability(input: SetAvailabilityInput): Promise<AvailabilityWindow[]> {
    const windows = toWindowMinutes(input.windows);
    const { result, change } = await this.dataSource.transaction(async (manager) => {
      const employee = await manager
        .getRepository(EmployeeEntity)
        .findOne({ where: { id: input.employeeId }, lock: { mode: 'pessimistic_write' } });
      if (!employee) throw new NotFoundError('Employee', input.employeeId, 'input.employeeId');
      const current = await manager.find(AvailabilityWindowEntity, {
        where: { employeeId: input.employeeId },
        order: { dayOfWeek: 'ASC', startMinute: 'ASC' },
      });
      const before = current.map(toAvailabilityWindow);
      if (sameWindows(current, windows)) return { result: before, change: undefined };
      await manager.delete(AvailabilityWindowEntity, { employeeId: input.employeeId });
      const saved = await manager.save(
        windows.map((w) =>
          manager.create(AvailabilityWindowEntity, { ...w, employeeId: input.employeeId }),
        ),
      );
      const after = saved
        .sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.startMinute - b.startMinute)
        .map(toAvailabilityWindow);
      return {
        result: after,
        change: diffRecord(
          'Employee',
          input.employeeId,
          { availability: before },
          { availability: after },
          ['availability'],
        ),
      };
    });
    this.auditChanges.note([change]);
    return result;
  }

  async requestTimeOff(input: RequestTimeOffInput, requestedBy: string): Promise<TimeOff> {
    if (input.end <= input.start)
      throw ValidationFailedError.forField(
        'input.end',
        input.end.toISOString(),
        `must be after start (${input.start.toISOString()})`,
      );
    if (input.end.getTime() - input.start.getTime() > MAX_TIME_OFF_DAYS * 86_400_000) {
      throw ValidationFailedError.forField(
        'input.end',
        input.end.toISOString(),
        `time off may span at most ${MAX_TIME_OFF_DAYS} days`,
      );
    }
    const exists = await this.dataSource
      .getRepository(EmployeeEntity)
      .existsBy({ id: input.employeeId });
    if (!exists) throw new NotFoundError('Employee', input.employeeId, 'input.employeeId');
    const saved = await this.dataSource.getRepository(TimeOffEntity).save({
      employeeId: input.employeeId,
      start: input.start,
      end: input.end,
      reason: input.reason ?? null,
      status: TimeOffStatus.REQUESTED,
      requestedBy,
    });
    this.auditChanges.note([diffRecord('TimeOff', saved.id, undefined, saved, TIME_OFF_FIELDS)]);
    return toTimeOff(saved);
  }

  /**
   * A manager approves or rejects a pending request; deciding twice is a CONFLICT. `consequences`
   * runs inside the same transaction, so the decision and what follows from it commit together.
   */
  async decideTimeOff(
    input: DecideTimeOffInput,
    decidedBy: string,
    consequences?: (manager: EntityManager, decided: TimeOffEntity) => Promise<void>,
  ): Promise<TimeOff> {
    const { decided, change } = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TimeOffEntity);
      const request = await repository.findOne({
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw new NotFoundError('TimeOff', input.id, 'input.id');
      if (request.status !== TimeOffStatus.REQUESTED)
        throw new ConflictError(
          `Time off ${input.id} was already ${request.status.toLowerCase()}`,
          { field: 'input.id', value: input.id },
        );
      const before = { ...request };
      request.status = input.approve ? TimeOffStatus.APPROVED : TimeOffStatus.REJECTED;
      request.decidedBy = decidedBy;
      request.decidedAt = new Date();
      request.decisionComment = input.comment ?? null;
      const saved = await repository.save(request);
      // In this transaction: approved time off opens the published shifts it hits (shift-trading).
      await consequences?.(manager, saved);
      return {
        decided: toTimeOff(saved),
        change: diffRecord('TimeOff', saved.id, before, saved, TIME_OFF_FIELDS),
      };
    });
    this.auditChanges.note([change]);
    return decided;
  }
}
