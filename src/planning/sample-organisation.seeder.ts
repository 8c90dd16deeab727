import type { PlanningInstance } from '../core/model/instance.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import type { DataSource } from 'typeorm';
import { ConflictError } from '../core/errors.js';
import { generateInstance, type InstanceSize } from '../core/generator/index.js';
import { sampleRuleSets } from '../core/model/index.js';
import { ForecastService } from '../demand/forecast.service.js';
import { QueueService } from '../demand/queue.service.js';
import { RuleSetService } from '../regulation/rule-set.service.js';
import { PublishRuleSetInput } from '../regulation/graphql/rule-set.model.js';
import { AvailabilityService } from '../workforce/availability.service.js';
import { CredentialImportService } from '../workforce/credential-import.service.js';
import { EmployeeImportService } from '../workforce/employee-import.service.js';
import { EmployeeEntity } from '../workforce/entities/employee.entity.js';
import { TimeOffEntity, TimeOffStatus } from '../workforce/entities/time-off.entity.js';
import {
  CertificationRowInput,
  EmployeeRowInput,
  LicenceRowInput,
} from '../workforce/graphql/employee.input.js';
import {
  ruleSetInput,
  sampleOrganisation,
  type SampleOrganisation,
} from './sample-organisation.js';

const SEEDED_BY = 'sample-data';

/**
 * Loads the shipped sample data through the same services the API uses, idempotently: rule-set
 * versions that exist are kept, records are upserted by their keys, time off is not duplicated.
 */
@Injectable()
export class SampleOrganisationSeeder {
  private readonly logger = new Logger(SampleOrganisationSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetService,
    private readonly queues: QueueService,
    private readonly forecasts: ForecastService,
    private readonly employees: EmployeeImportService,
    private readonly credentials: CredentialImportService,
    private readonly availability: AvailabilityService,
  ) {}

  /** The sample rule sets of the domain notes (marked isSample: verify with the state board). */
  async seedSampleRules(): Promise<number> {
    return this.publishAll(sampleRuleSets().map(ruleSetInput));
  }

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(EmployeeEntity).count()) === 0;
  }

  async seedOrganisation(
    size: InstanceSize,
    seed: number,
    weekStart: string,
  ): Promise<SampleOrganisation> {
    const org = await this.seedInstance(generateInstance(size, seed, { weekStart }));
    this.logger.log(
      `sample organisation (${size}, seed ${seed}, week ${weekStart}): ${org.employees.length} employees, ${org.forecast.rows.length} forecast rows`,
    );
    return org;
  }

  /** Loads any planning instance (a generated one, or a hand-made test fixture) through the services. */
  async seedInstance(instance: PlanningInstance): Promise<SampleOrganisation> {
    const org = sampleOrganisation(instance);
    await this.publishAll(org.ruleSets);
    for (const queue of org.queues) await this.queues.upsertQueue(queue);
    for (const template of org.shiftTemplates) await this.queues.upsertShiftTemplate(template);
    await this.employees.upsert({
      rows: org.employees.map((row) => plainToInstance(EmployeeRowInput, row)),
      allOrNothing: true,
    });
    await this.credentials.upsertLicences({
      rows: org.licences.map((row) => plainToInstance(LicenceRowInput, row)),
      allOrNothing: true,
    });
    await this.credentials.upsertCertifications({
      rows: org.certifications.map((row) => plainToInstance(CertificationRowInput, row)),
      allOrNothing: true,
    });
    const ids = new Map(
      (
        await this.dataSource
          .getRepository(EmployeeEntity)
          .find({ select: { id: true, externalId: true } })
      ).map((e) => [e.externalId, e.id]),
    );
    for (const { externalId, windows } of org.availability)
      await this.availability.setAvailability({ employeeId: ids.get(externalId)!, windows });
    await this.seedTimeOff(org, ids);
    if (org.forecast.rows.length > 0) await this.forecasts.importRows(org.forecast);
    return org;
  }

  private async publishAll(inputs: PublishRuleSetInput[]): Promise<number> {
    let published = 0;
    for (const input of inputs) {
      try {
        await this.ruleSets.publish(plainToInstance(PublishRuleSetInput, input), SEEDED_BY);
        published++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return published;
  }

  private async seedTimeOff(org: SampleOrganisation, ids: Map<string, string>): Promise<void> {
    const repository = this.dataSource.getRepository(TimeOffEntity);
    for (const { externalId, start, end } of org.timeOff) {
      const employeeId = ids.get(externalId)!;
      if (await repository.existsBy({ employeeId, start, end })) continue;
      await repository.save({
        employeeId,
        start,
        end,
        status: TimeOffStatus.APPROVED,
        reason: 'sample',
        requestedBy: SEEDED_BY,
        decidedBy: SEEDED_BY,
        decidedAt: new Date(),
      });
    }
  }
}
