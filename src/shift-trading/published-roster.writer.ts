import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Roster as CoreRoster, Shift } from '../core/model/roster.js';
import { RosterEditEntity } from '../rostering/entities/roster-edit.entity.js';
import { RosterShiftEntity } from '../rostering/entities/roster-shift.entity.js';
import { RosterEntity, RosterStatus } from '../rostering/entities/roster.entity.js';
import { shiftRows, storedAllocations, storedSupervision } from '../rostering/roster.mapping.js';

/** The published version changed after it was checked: check again against the new one. */
export class RosterChangedMeanwhile extends Error {
  constructor(rosterId: string) {
    super(`Roster ${rosterId} changed while the change was checked`);
    this.name = 'RosterChangedMeanwhile';
  }
}

export interface ShiftChanges {
  readonly handedOver?: readonly { shiftId: string; employeeId: string }[];
  readonly added?: readonly Shift[];
  readonly removedShiftIds?: readonly string[];
}

/**
 * Writes a checked change into a published roster, in the caller's transaction, only if the
 * roster is still the version that was checked (its row version), and records it as an edit.
 */
@Injectable()
export class PublishedRosterWriter {
  async write(
    manager: EntityManager,
    checked: RosterEntity,
    after: CoreRoster,
    changes: ShiftChanges,
    record: { kind: string; detail: object; by: string },
  ): Promise<void> {
    const updated = await manager.getRepository(RosterEntity).update(
      { id: checked.id, rowVersion: checked.rowVersion, status: RosterStatus.PUBLISHED },
      {
        allocations: storedAllocations(after),
        supervision: storedSupervision(after),
        rowVersion: checked.rowVersion + 1,
      },
    );
    if (!updated.affected) throw new RosterChangedMeanwhile(checked.id);
    const shifts = manager.getRepository(RosterShiftEntity);
    for (const { shiftId, employeeId } of changes.handedOver ?? [])
      await shifts.update({ id: shiftId, rosterId: checked.id }, { employeeId });
    if (changes.removedShiftIds?.length)
      await shifts.delete([...changes.removedShiftIds].map((id) => ({ id, rosterId: checked.id })));
    if (changes.added?.length) await shifts.insert(shiftRows(checked.id, changes.added));
    await manager.getRepository(RosterEditEntity).insert({
      rosterId: checked.id,
      kind: record.kind,
      detail: record.detail,
      acceptedBreaches: [],
      reason: null,
      editedBy: record.by,
    });
  }
}
