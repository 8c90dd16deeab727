import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/role.js';
import type { SoftTerms } from '../core/checker/index.js';
import { applyEdit, EditNotApplicable, type RosterEdit } from '../core/editing/apply-edit.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../core/errors.js';
import { QueueEntity } from '../demand/entities/queue.entity.js';
import { RosterEditEntity } from './entities/roster-edit.entity.js';
import { RosterShiftEntity } from './entities/roster-shift.entity.js';
import { RosterEntity, RosterStatus } from './entities/roster.entity.js';
import type {
  AddRosterShiftInput,
  MoveRosterShiftInput,
  RemoveRosterShiftInput,
  RosterEditResult,
  SetRosterAllocationInput,
  SoftTermChange,
} from './graphql/edit.model.js';
import { RosterAnalysisService } from './roster-analysis.service.js';
import {
  storedAllocations,
  storedSupervision,
  toRuleViolation,
  shiftRows,
} from './roster.mapping.js';
import { RosterService } from './roster.service.js';

/** Soft goals whose worsening is a breach a manager must accept; plain wage cost is not one. */
const GUARDED_TERMS = [
  'shortage',
  'overstaffing',
  'overtimeCost',
  'preference',
  'fairness',
] as const satisfies readonly (keyof SoftTerms)[];

export function softBreaches(before: SoftTerms, after: SoftTerms): SoftTermChange[] {
  return GUARDED_TERMS.filter((term) => after[term] > before[term] + 1e-9).map((term) => ({
    term,
    before: before[term],
    after: after[term],
  }));
}

type EditOptions = { acceptSoftBreaches: boolean; reason?: string | null };

/**
 * Manual edits of a draft: the edited roster goes through the independent checker; a hard-rule
 * violation refuses the edit, a worse soft goal refuses it unless accepted with a reason. Applied
 * edits are saved in one transaction, guarded by the roster's row version, and recorded.
 */
@Injectable()
export class RosterEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analysis: RosterAnalysisService,
    private readonly rosters: RosterService,
  ) {}

  addShift(input: AddRosterShiftInput, principal: Principal): Promise<RosterEditResult> {
    this.assertOrder(input.start, input.end);
    const shift = {
      id: randomUUID(),
      employeeId: input.employeeId,
      start: input.start.getTime(),
      end: input.end.getTime(),
      templateId: input.templateId,
    };
    return this.edit(input.rosterId, { kind: 'ADD_SHIFT', shift }, input, principal);
  }

  moveShift(input: MoveRosterShiftInput, principal: Principal): Promise<RosterEditResult> {
    this.assertOrder(input.start, input.end);
    return this.edit(
      input.rosterId,
      {
        kind: 'MOVE_SHIFT',
        shiftId: input.shiftId,
        start: input.start.getTime(),
        end: input.end.getTime(),
      },
      input,
      principal,
    );
  }

  removeShift(input: RemoveRosterShiftInput, principal: Principal): Promise<RosterEditResult> {
    return this.edit(
      input.rosterId,
      { kind: 'REMOVE_SHIFT', shiftId: input.shiftId },
      input,
      principal,
    );
  }

  async setAllocation(
    input: SetRosterAllocationInput,
    principal: Principal,
  ): Promise<RosterEditResult> {
    if ((input.queueKey == null) !== (input.state == null))
      throw ValidationFailedError.forField(
        'input.state',
        input.state ?? null,
        'give both queueKey and state, or neither to clear',
      );
    let work: { queueId: string; state: string } | null = null;
    if (input.queueKey && input.state) {
      const queue = await this.dataSource
        .getRepository(QueueEntity)
        .findOneBy({ key: input.queueKey });
      if (!queue) throw new NotFoundError('Queue', input.queueKey, 'input.queueKey');
      work = { queueId: queue.id, state: input.state };
    }
    return this.edit(
      input.rosterId,
      {
        kind: 'SET_ALLOCATION',
        employeeId: input.employeeId,
        intervalIndex: input.intervalIndex,
        work,
      },
      input,
      principal,
    );
  }

  private async edit(
    rosterId: string,
    edit: RosterEdit,
    options: EditOptions,
    principal: Principal,
  ): Promise<RosterEditResult> {
    if (options.acceptSoftBreaches && !options.reason)
      throw ValidationFailedError.forField(
        'input.reason',
        null,
        'say why when accepting a soft breach',
      );
    const stored = await this.rosters.entity(rosterId);
    if (stored.status !== RosterStatus.DRAFT)
      throw new ConflictError(
        `Roster ${rosterId} is ${stored.status.toLowerCase()}: only drafts can be edited`,
        { field: 'input.rosterId', value: rosterId },
      );
    const before = await this.analysis.analyse(rosterId);
    let edited;
    try {
      edited = applyEdit(before.instance, before.roster, edit);
    } catch (error) {
      if (error instanceof EditNotApplicable)
        throw new NotFoundError(
          'Shift',
          String((edit as { shiftId?: string }).shiftId),
          `input.${error.field}`,
        );
      throw error;
    }
    const after = await this.analysis.analyseInstance(before.instance, edited);
    const breaches = softBreaches(before.check.soft, after.check.soft);
    const roster = await this.rosters.byId(rosterId);
    if (after.check.violations.length > 0) {
      const violations = after.check.violations.map(toRuleViolation);
      return {
        applied: false,
        message: `Refused: breaks ${[...new Set(violations.map((v) => v.rule))].join(', ')}`,
        roster,
        violations,
        softBreaches: breaches,
      };
    }
    if (breaches.length > 0 && !options.acceptSoftBreaches) {
      return {
        applied: false,
        message: `Refused: worsens ${breaches.map((b) => b.term).join(', ')}; set acceptSoftBreaches with a reason to apply`,
        roster,
        violations: [],
        softBreaches: breaches,
      };
    }
    await this.save(stored, edited, edit, breaches, options, principal);
    return {
      applied: true,
      message: 'Applied',
      roster: await this.rosters.byId(rosterId),
      violations: [],
      softBreaches: breaches,
    };
  }

  private async save(
    stored: RosterEntity,
    edited: ReturnType<typeof applyEdit>,
    edit: RosterEdit,
    breaches: SoftTermChange[],
    options: EditOptions,
    principal: Principal,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.getRepository(RosterEntity).update(
        { id: stored.id, rowVersion: stored.rowVersion, status: RosterStatus.DRAFT },
        {
          allocations: storedAllocations(edited),
          supervision: storedSupervision(edited),
          rowVersion: stored.rowVersion + 1,
        },
      );
      if (!updated.affected)
        throw new ConflictError(
          `Roster ${stored.id} changed while this edit was checked; check it again`,
          { field: 'input.rosterId', value: stored.id },
        );
      await manager.getRepository(RosterShiftEntity).delete({ rosterId: stored.id });
      const shifts = shiftRows(stored.id, edited.shifts);
      for (let i = 0; i < shifts.length; i += 1000)
        await manager.getRepository(RosterShiftEntity).insert(shifts.slice(i, i + 1000));
      await manager.getRepository(RosterEditEntity).insert({
        rosterId: stored.id,
        kind: edit.kind,
        detail: { ...edit },
        acceptedBreaches: breaches.map((b) => b.term),
        reason: options.reason ?? null,
        editedBy: principal.subject,
      });
    });
  }

  private assertOrder(start: Date, end: Date): void {
    if (end <= start)
      throw ValidationFailedError.forField(
        'input.end',
        end.toISOString(),
        `must be after start (${start.toISOString()})`,
      );
  }
}
