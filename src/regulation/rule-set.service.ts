import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThanOrEqual, type DataSource } from 'typeorm';
import { ConflictError, ValidationFailedError } from '../core/errors.js';
import { JurisdictionRuleSetEntity, SupervisionKind } from './jurisdiction-rule-set.entity.js';
import type { JurisdictionRuleSet, PublishRuleSetInput } from './graphql/rule-set.model.js';

export function toRuleSet(e: JurisdictionRuleSetEntity): JurisdictionRuleSet {
  return {
    id: e.id,
    state: e.state,
    effectiveFrom: e.effectiveFrom,
    supervision: e.supervisionKind,
    ratioTiers: e.ratioTiers,
    maxUncertifiedPerPharmacist: e.maxUncertifiedPerPharmacist,
    remoteTechniciansCount: e.remoteTechniciansCount,
    supervisorMustHoldStateLicence: e.supervisorMustHoldStateLicence,
    internsCount: e.internsCount,
    taskRules: e.taskRules,
    citation: e.citation,
    confidenceNote: e.confidenceNote,
    isSample: e.isSample,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
  };
}

/** Checks what class-validator cannot: the tiers must make sense together. */
export function assertCoherentRuleSet(input: PublishRuleSetInput): void {
  if (input.supervision === SupervisionKind.NONE) {
    if (input.ratioTiers.length > 0)
      throw ValidationFailedError.forField(
        'input.ratioTiers',
        input.ratioTiers,
        'must be empty when supervision is NONE',
      );
    return;
  }
  if (!input.ratioTiers.some((tier) => tier.minCertifiedTechnicians === 0)) {
    throw ValidationFailedError.forField(
      'input.ratioTiers',
      input.ratioTiers,
      'a RATIO rule needs a tier with minCertifiedTechnicians 0 (the base ratio)',
    );
  }
  const thresholds = input.ratioTiers.map((tier) => tier.minCertifiedTechnicians);
  const duplicate = thresholds.findIndex((value, index) => thresholds.indexOf(value) !== index);
  if (duplicate >= 0)
    throw ValidationFailedError.forField(
      `input.ratioTiers[${duplicate}].minCertifiedTechnicians`,
      thresholds[duplicate],
      'each tier needs its own threshold',
    );
  const taskTypes = input.taskRules.map((rule) => rule.taskType);
  const repeated = taskTypes.findIndex((value, index) => taskTypes.indexOf(value) !== index);
  if (repeated >= 0)
    throw ValidationFailedError.forField(
      `input.taskRules[${repeated}].taskType`,
      taskTypes[repeated],
      'each task type may appear once',
    );
}

/** Rule sets are versioned by effective date and append-only: publishing never edits history. */
@Injectable()
export class RuleSetService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publish(input: PublishRuleSetInput, createdBy: string): Promise<JurisdictionRuleSet> {
    assertCoherentRuleSet(input);
    const repository = this.dataSource.getRepository(JurisdictionRuleSetEntity);
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values({
        state: input.state,
        effectiveFrom: input.effectiveFrom,
        supervisionKind: input.supervision,
        ratioTiers: [...input.ratioTiers]
          .sort((a, b) => a.minCertifiedTechnicians - b.minCertifiedTechnicians)
          .map((tier) => ({ ...tier })),
        maxUncertifiedPerPharmacist: input.maxUncertifiedPerPharmacist ?? null,
        remoteTechniciansCount: input.remoteTechniciansCount,
        supervisorMustHoldStateLicence: input.supervisorMustHoldStateLicence,
        internsCount: input.internsCount,
        taskRules: input.taskRules.map((rule) => ({ ...rule })),
        citation: input.citation,
        confidenceNote: input.confidenceNote ?? null,
        isSample: input.isSample,
        createdBy,
      })
      .orIgnore()
      .returning('*')
      .execute();
    const row = (inserted.raw as { id?: string }[])[0];
    if (!row?.id) {
      throw new ConflictError(
        `A rule set for ${input.state} effective ${input.effectiveFrom} already exists; publish a new version with a later effectiveFrom`,
        {
          field: 'input.effectiveFrom',
          value: input.effectiveFrom,
        },
      );
    }
    return toRuleSet(await repository.findOneByOrFail({ id: row.id }));
  }

  async versions(state?: string): Promise<JurisdictionRuleSet[]> {
    const rows = await this.dataSource.getRepository(JurisdictionRuleSetEntity).find({
      where: state ? { state } : {},
      order: { state: 'ASC', effectiveFrom: 'ASC' },
    });
    return rows.map(toRuleSet);
  }

  /** The version in force on a date: the latest effectiveFrom on or before it. */
  async inForce(state: string, on: string): Promise<JurisdictionRuleSet | null> {
    const row = await this.dataSource.getRepository(JurisdictionRuleSetEntity).findOne({
      where: { state, effectiveFrom: LessThanOrEqual(on) },
      order: { effectiveFrom: 'DESC' },
    });
    return row ? toRuleSet(row) : null;
  }
}
