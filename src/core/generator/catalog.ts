import type { StateCode, TimeZoneName } from '../model/common.js';
import type { Queue, ShiftTemplate } from '../model/instance.js';

/**
 * Fixed ingredients of generated instances: sizes, the states (with the zone their demand follows
 * and the sample state whose rules they borrow), queues and shift templates.
 */

export const INSTANCE_SIZES = ['tiny', 'small', 'medium', 'large'] as const;
export type InstanceSize = (typeof INSTANCE_SIZES)[number];

export interface SizeProfile {
  readonly technicians: number;
  readonly pharmacists: number;
  readonly states: number;
  readonly queues: number;
}

export const SIZE_PROFILES: Readonly<Record<InstanceSize, SizeProfile>> = {
  tiny: { technicians: 4, pharmacists: 2, states: 2, queues: 2 },
  small: { technicians: 15, pharmacists: 4, states: 4, queues: 3 },
  medium: { technicians: 80, pharmacists: 20, states: 10, queues: 3 },
  large: { technicians: 400, pharmacists: 80, states: 20, queues: 4 },
};

export interface StateProfile {
  readonly state: StateCode;
  readonly timeZone: TimeZoneName;
  /** The sample state whose rules this state uses (itself for the nine sample states). */
  readonly rulesLike: StateCode;
  /** Relative demand and workforce weight. */
  readonly weight: number;
}

/**
 * In size order: the first n states are used. The first four span the four US zones and mix
 * ratio (NC, CA) and no-ratio (IL, NM) rules; AZ (Phoenix, no daylight saving) comes at ten.
 */
export const STATE_CATALOG: readonly StateProfile[] = [
  { state: 'NC', timeZone: 'America/New_York', rulesLike: 'NC', weight: 3 },
  { state: 'CA', timeZone: 'America/Los_Angeles', rulesLike: 'CA', weight: 5 },
  { state: 'IL', timeZone: 'America/Chicago', rulesLike: 'IL', weight: 3 },
  { state: 'NM', timeZone: 'America/Denver', rulesLike: 'NM', weight: 1 },
  { state: 'MA', timeZone: 'America/New_York', rulesLike: 'MA', weight: 2 },
  { state: 'GA', timeZone: 'America/New_York', rulesLike: 'GA', weight: 3 },
  { state: 'OH', timeZone: 'America/New_York', rulesLike: 'OH', weight: 3 },
  { state: 'IA', timeZone: 'America/Chicago', rulesLike: 'IA', weight: 1 },
  { state: 'TX', timeZone: 'America/Chicago', rulesLike: 'GA', weight: 5 },
  { state: 'AZ', timeZone: 'America/Phoenix', rulesLike: 'AZ', weight: 2 },
  { state: 'FL', timeZone: 'America/New_York', rulesLike: 'OH', weight: 4 },
  { state: 'NY', timeZone: 'America/New_York', rulesLike: 'MA', weight: 4 },
  { state: 'PA', timeZone: 'America/New_York', rulesLike: 'NC', weight: 3 },
  { state: 'WA', timeZone: 'America/Los_Angeles', rulesLike: 'CA', weight: 2 },
  { state: 'CO', timeZone: 'America/Denver', rulesLike: 'NM', weight: 2 },
  { state: 'MI', timeZone: 'America/New_York', rulesLike: 'OH', weight: 2 },
  { state: 'MN', timeZone: 'America/Chicago', rulesLike: 'IA', weight: 2 },
  { state: 'OR', timeZone: 'America/Los_Angeles', rulesLike: 'IL', weight: 1 },
  { state: 'UT', timeZone: 'America/Denver', rulesLike: 'AZ', weight: 1 },
  { state: 'VA', timeZone: 'America/New_York', rulesLike: 'GA', weight: 2 },
];

const QUEUE_CATALOG: readonly Omit<Queue, 'states'>[] = [
  {
    id: 'q-calls',
    name: 'Customer calls',
    taskType: 'CUSTOMER_CALLS',
    channel: 'VOICE',
    requiresStateLicence: false,
  },
  {
    id: 'q-claims',
    name: 'Insurance claims',
    taskType: 'INSURANCE_CLAIMS',
    channel: 'DEFERRED',
    requiresStateLicence: false,
  },
  {
    id: 'q-erx',
    name: 'E-prescription entry',
    taskType: 'EPRESCRIPTION_ENTRY',
    channel: 'DEFERRED',
    requiresStateLicence: true,
  },
  {
    id: 'q-qa',
    name: 'QA review',
    taskType: 'QA_REVIEW',
    channel: 'DEFERRED',
    requiresStateLicence: true,
  },
];

/** The first `count` queues, each serving all `states`. */
export function queuesFor(count: number, states: readonly StateCode[]): Queue[] {
  return QUEUE_CATALOG.slice(0, count).map((queue) => ({ ...queue, states: [...states] }));
}

function halfHours(from: string, to: string): string[] {
  const [fromHour, toHour] = [Number(from.slice(0, 2)), Number(to.slice(0, 2))];
  const times: string[] = [];
  for (let minutes = fromHour * 60; minutes <= toHour * 60; minutes += 30) {
    times.push(
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`,
    );
  }
  return times;
}

const BREAKS = [{ minShiftHours: 6, unpaidMinutes: 30 }];

/** 4, 6, 8 and 10-hour shifts starting every 30 minutes; 30 unpaid minutes from 6 hours. */
export function shiftTemplates(): ShiftTemplate[] {
  return [
    {
      id: 'tpl-4h',
      name: '4 hours',
      startTimes: halfHours('06:00', '18:00'),
      lengthsHours: [4],
      unpaidBreaks: BREAKS,
    },
    {
      id: 'tpl-6h',
      name: '6 hours',
      startTimes: halfHours('06:00', '16:00'),
      lengthsHours: [6],
      unpaidBreaks: BREAKS,
    },
    {
      id: 'tpl-8h',
      name: '8 hours',
      startTimes: halfHours('06:00', '14:00'),
      lengthsHours: [8],
      unpaidBreaks: BREAKS,
    },
    {
      id: 'tpl-10h',
      name: '10 hours',
      startTimes: halfHours('06:00', '12:00'),
      lengthsHours: [10],
      unpaidBreaks: BREAKS,
    },
  ];
}
