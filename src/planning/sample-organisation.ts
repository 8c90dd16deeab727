import type { PlanningInstance } from '../core/model/instance.js';
import type { Employee, JurisdictionRuleSet, Queue, ShiftTemplate } from '../core/model/index.js';
import { buildGrid } from '../core/time/index.js';
import type { ForecastRowInput } from '../demand/graphql/forecast.model.js';
import type { UpsertQueueInput } from '../demand/graphql/queue.model.js';
import type { UpsertShiftTemplateInput } from '../demand/graphql/shift-template.model.js';
import { QueueChannel, TaskType } from '../demand/entities/queue.entity.js';
import type { PublishRuleSetInput } from '../regulation/graphql/rule-set.model.js';
import { StateCredential, SupervisionKind } from '../regulation/jurisdiction-rule-set.entity.js';
import type { AvailabilityWindowInput } from '../workforce/graphql/availability.input.js';
import type {
  CertificationRowInput,
  EmployeeRowInput,
  LicenceRowInput,
} from '../workforce/graphql/employee.input.js';
import { CertificationKind, EmployeeRole, LicenceKind } from '../workforce/graphql/enums.js';

/** Service parameters the generator does not model, chosen as typical for each channel. */
const VOICE = {
  ahtSeconds: 240,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
};
const DEFERRED = { ahtSeconds: 300, deadlineMinutes: 24 * 60, shrinkage: 0.1 };

/**
 * A generated organisation (src/core/generator) expressed as the API's inputs, so that it can be
 * loaded through the same code paths as an HR system's data: by `npm run seed` and by the e2e
 * test that loads a realistic organisation over GraphQL.
 */
export interface SampleOrganisation {
  readonly weekStart: string;
  readonly ruleSets: PublishRuleSetInput[];
  readonly queues: UpsertQueueInput[];
  readonly shiftTemplates: UpsertShiftTemplateInput[];
  readonly employees: EmployeeRowInput[];
  readonly licences: LicenceRowInput[];
  readonly certifications: CertificationRowInput[];
  readonly availability: { externalId: string; windows: AvailabilityWindowInput[] }[];
  readonly timeOff: { externalId: string; start: Date; end: Date }[];
  readonly forecast: { intervalMinutes: number; rows: ForecastRowInput[] };
}

export function sampleOrganisation(instance: PlanningInstance): SampleOrganisation {
  const queuesById = new Map(instance.queues.map((queue) => [queue.id, queue]));
  return {
    weekStart: instance.week.weekStart,
    ruleSets: instance.ruleSets.map(ruleSetInput),
    queues: instance.queues.map(queueInput),
    shiftTemplates: instance.templates.map(templateInput),
    employees: instance.employees.map(employeeRow),
    licences: instance.employees.flatMap((e) =>
      e.licences.map((l, i) => ({
        employeeExternalId: e.id,
        state: l.state,
        kind: LicenceKind[l.kind],
        number: `${l.state}-${e.id}-${i + 1}`,
        validFrom: l.validFrom,
        validUntil: l.validUntil,
      })),
    ),
    certifications: instance.employees.flatMap((e) =>
      e.certifications.map((c) => ({
        employeeExternalId: e.id,
        kind: CertificationKind[c.kind],
        obtained: c.obtained,
        expires: c.expires,
      })),
    ),
    availability: instance.employees.map((e) => ({
      externalId: e.id,
      windows: e.availability.map((w) => ({
        dayOfWeek: w.dayOfWeek,
        start: w.start,
        end: w.end === '24:00' ? null : w.end,
      })),
    })),
    timeOff: instance.employees.flatMap((e) =>
      e.timeOff.map((t) => ({ externalId: e.id, start: new Date(t.start), end: new Date(t.end) })),
    ),
    forecast: forecastRows(instance, queuesById),
  };
}

export function ruleSetInput(rules: JurisdictionRuleSet): PublishRuleSetInput {
  const supervision = rules.supervision;
  return {
    state: rules.state,
    effectiveFrom: rules.effectiveFrom,
    supervision: supervision.kind === 'RATIO' ? SupervisionKind.RATIO : SupervisionKind.NONE,
    ratioTiers: supervision.kind === 'RATIO' ? supervision.tiers.map((tier) => ({ ...tier })) : [],
    maxUncertifiedPerPharmacist:
      supervision.kind === 'RATIO' ? supervision.maxUncertifiedPerPharmacist : null,
    remoteTechniciansCount: rules.remoteTechniciansCount,
    supervisorMustHoldStateLicence: rules.supervisorMustHoldStateLicence,
    internsCount: rules.internsCount,
    taskRules: Object.entries(rules.tasks).map(([taskType, rule]) => ({
      taskType: TaskType[taskType as keyof typeof TaskType],
      remoteAllowed: rule.remoteAllowed,
      minStateCredential: StateCredential[rule.minStateCredential],
      requiresCertification: rule.requiresCertification,
      minExperienceHours: rule.minExperienceHours,
    })),
    citation: rules.citation,
    confidenceNote: rules.confidenceNote,
    isSample: true,
  };
}

function queueInput(queue: Queue): UpsertQueueInput {
  const common = {
    key: queue.id,
    name: queue.name,
    taskType: TaskType[queue.taskType],
    states: [...queue.states],
    requiresStateLicence: queue.requiresStateLicence,
  };
  return queue.channel === 'VOICE'
    ? { ...common, channel: QueueChannel.VOICE, ...VOICE }
    : { ...common, channel: QueueChannel.DEFERRED, ...DEFERRED };
}

function templateInput(template: ShiftTemplate): UpsertShiftTemplateInput {
  return {
    key: template.id,
    name: template.name,
    startTimes: [...template.startTimes],
    lengthMinutes: template.lengthsHours.map((hours) => Math.round(hours * 60)),
    unpaidBreaks: template.unpaidBreaks.map((rule) => ({
      minShiftMinutes: Math.round(rule.minShiftHours * 60),
      unpaidMinutes: rule.unpaidMinutes,
    })),
  };
}

function employeeRow(e: Employee): EmployeeRowInput {
  const kind = e.role === 'PHARMACIST' ? 'Pharmacist' : 'Technician';
  return {
    externalId: e.id,
    role: EmployeeRole[e.role],
    name: `${kind} ${e.id}`,
    email: `${e.id.toLowerCase()}@example.org`,
    timeZone: e.timeZone,
    hireDate: e.hireDate,
    ...e.contract,
    skills: [...e.skills],
    remote: e.remote,
    remoteExperienceHours: Math.round(e.experienceHours),
    active: e.leaveDate === null,
  };
}

/**
 * The generator states demand as staff; the forecast stores volumes. Volumes are chosen so that
 * the staffing engine asks for about the generated staff: items = staff x productive seconds /
 * handle time for deferred work, calls at about 85 % occupancy for voice.
 */
function forecastRows(
  instance: PlanningInstance,
  queues: Map<string, Queue>,
): { intervalMinutes: number; rows: ForecastRowInput[] } {
  const grid = buildGrid(instance.week);
  const intervalSeconds = instance.week.intervalMinutes * 60;
  const rows = instance.demand
    .filter((entry) => entry.required > 0)
    .map((entry) => {
      const voice = queues.get(entry.queueId)?.channel === 'VOICE';
      const perAgent = voice
        ? (0.85 * intervalSeconds) / VOICE.ahtSeconds
        : (intervalSeconds * (1 - DEFERRED.shrinkage)) / DEFERRED.ahtSeconds;
      return {
        queueKey: entry.queueId,
        state: entry.state,
        intervalStart: new Date(grid.start + entry.intervalIndex * grid.intervalMs),
        volume: Math.round(entry.required * perAgent * 100) / 100,
      };
    });
  return { intervalMinutes: instance.week.intervalMinutes, rows };
}
