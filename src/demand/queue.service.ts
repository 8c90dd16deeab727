import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ValidationFailedError } from '../core/errors.js';
import { formatLocalTime, parseLocalTime } from '../core/time/index.js';
import { QueueChannel, QueueEntity } from './entities/queue.entity.js';
import { ShiftTemplateEntity } from './entities/shift-template.entity.js';
import type { Queue, UpsertQueueInput } from './graphql/queue.model.js';
import type { ShiftTemplate, UpsertShiftTemplateInput } from './graphql/shift-template.model.js';

export function toQueue(e: QueueEntity): Queue {
  const { createdAt: _c, updatedAt: _u, ...queue } = e;
  return queue;
}

export function toShiftTemplate(e: ShiftTemplateEntity): ShiftTemplate {
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    startTimes: e.startMinutes.map(formatLocalTime),
    lengthMinutes: e.lengthMinutes,
    unpaidBreaks: e.unpaidBreaks,
    site: e.site,
  };
}

/** Each channel needs its own parameters and must not carry the other's. */
function assertChannelParameters(input: UpsertQueueInput): void {
  const missing = (field: keyof UpsertQueueInput) =>
    ValidationFailedError.forField(
      `input.${field}`,
      input[field] ?? null,
      `is required for ${input.channel} queues`,
    );
  const foreign = (field: keyof UpsertQueueInput) =>
    ValidationFailedError.forField(
      `input.${field}`,
      input[field],
      `does not apply to ${input.channel} queues`,
    );
  if (input.channel === QueueChannel.VOICE) {
    if (input.targetServiceLevel == null) throw missing('targetServiceLevel');
    if (input.targetAnswerSeconds == null) throw missing('targetAnswerSeconds');
    if (input.deadlineMinutes != null) throw foreign('deadlineMinutes');
  } else {
    if (input.deadlineMinutes == null) throw missing('deadlineMinutes');
    for (const field of [
      'targetServiceLevel',
      'targetAnswerSeconds',
      'maxOccupancy',
      'patienceSeconds',
    ] as const) {
      if (input[field] != null) throw foreign(field);
    }
  }
}

@Injectable()
export class QueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsertQueue(input: UpsertQueueInput): Promise<Queue> {
    assertChannelParameters(input);
    const values = {
      key: input.key,
      name: input.name,
      taskType: input.taskType,
      channel: input.channel,
      ahtSeconds: input.ahtSeconds,
      targetServiceLevel: input.targetServiceLevel ?? null,
      targetAnswerSeconds: input.targetAnswerSeconds ?? null,
      maxOccupancy: input.maxOccupancy ?? null,
      shrinkage: input.shrinkage,
      patienceSeconds: input.patienceSeconds ?? null,
      deadlineMinutes: input.deadlineMinutes ?? null,
      states: [...new Set(input.states)].sort(),
      requiresStateLicence: input.requiresStateLicence,
    };
    const repository = this.dataSource.getRepository(QueueEntity);
    await repository.upsert(values, { conflictPaths: ['key'] });
    return toQueue(await repository.findOneByOrFail({ key: input.key }));
  }

  async queues(): Promise<Queue[]> {
    return (await this.dataSource.getRepository(QueueEntity).find({ order: { key: 'ASC' } })).map(
      toQueue,
    );
  }

  async upsertShiftTemplate(input: UpsertShiftTemplateInput): Promise<ShiftTemplate> {
    const startMinutes = [...new Set(input.startTimes.map(parseLocalTime))].sort((a, b) => a - b);
    const offGrid = input.startTimes.findIndex((time) => parseLocalTime(time) % 15 !== 0);
    if (offGrid >= 0)
      throw ValidationFailedError.forField(
        `input.startTimes[${offGrid}]`,
        input.startTimes[offGrid],
        'must lie on the 15-minute grid',
      );
    const badLength = input.lengthMinutes.findIndex((length) => length % 15 !== 0);
    if (badLength >= 0)
      throw ValidationFailedError.forField(
        `input.lengthMinutes[${badLength}]`,
        input.lengthMinutes[badLength],
        'must be a multiple of 15',
      );
    const repository = this.dataSource.getRepository(ShiftTemplateEntity);
    await repository.upsert(
      {
        key: input.key,
        name: input.name,
        startMinutes,
        lengthMinutes: [...new Set(input.lengthMinutes)].sort((a, b) => a - b),
        unpaidBreaks: [...input.unpaidBreaks]
          .sort((a, b) => a.minShiftMinutes - b.minShiftMinutes)
          .map(({ minShiftMinutes, unpaidMinutes }) => ({ minShiftMinutes, unpaidMinutes })),
        site: input.site ?? null,
      },
      { conflictPaths: ['key'] },
    );
    return toShiftTemplate(await repository.findOneByOrFail({ key: input.key }));
  }

  async shiftTemplates(): Promise<ShiftTemplate[]> {
    return (
      await this.dataSource.getRepository(ShiftTemplateEntity).find({ order: { key: 'ASC' } })
    ).map(toShiftTemplate);
  }
}
