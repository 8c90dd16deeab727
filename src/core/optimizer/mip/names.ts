/**
 * Variable and row names: `family[key=value,key=value]`. Every name maps back to the rule or term,
 * the employee or state and the interval it stands for (`describeVariable`), so a positive slack
 * can be explained. Values never contain `[`, `]`, `,` or `=` (ids are escaped if they do).
 */

const escape = (value: string | number) => String(value).replace(/[[\],=\s]/g, '_');

export function varName(family: string, keys: Record<string, string | number>): string {
  const parts = Object.entries(keys).map(([key, value]) => `${key}=${escape(value)}`);
  return `${family}[${parts.join(',')}]`;
}

/** What each variable family stands for: the rule or objective term it belongs to. */
export const VARIABLE_FAMILIES: Readonly<Record<string, { rule: string; meaning: string }>> = {
  x: {
    rule: 'SHIFT',
    meaning: 'employee e works candidate shift (start s ms, h hours, template tpl)',
  },
  y: { rule: 'ALLOCATION', meaning: 'technician e works queue q for state S in interval t' },
  z: {
    rule: 'SUPERVISION_SHARE',
    meaning: 'share of pharmacist p supervising state S in interval t',
  },
  short: { rule: 'shortage', meaning: 'staff short of required for (t, q, S), entry k' },
  over: { rule: 'overstaffing', meaning: 'staff above required for (t, q, S), entry k' },
  lost: {
    rule: 'lostServiceValue',
    meaning: 'n-th agent of (t, q, S) entry k staffed (1) or its value lost (0)',
  },
  beyond: {
    rule: 'lostServiceValue',
    meaning: 'agents beyond the service curve of (t, q, S) entry k',
  },
  ot: { rule: 'cost (overtime)', meaning: 'overtime paid hours of employee e' },
  hmax: { rule: 'fairness (hoursSpread)', meaning: 'max paid hours / max weekly hours of role' },
  hmin: { rule: 'fairness (hoursSpread)', meaning: 'min paid hours / max weekly hours of role' },
  umax: { rule: 'fairness (unpopularSpread)', meaning: 'max unpopular shifts of role' },
  umin: { rule: 'fairness (unpopularSpread)', meaning: 'min unpopular shifts of role' },
  p: {
    rule: 'SUPERVISION_RATIO',
    meaning: 'pharmacist-equivalents used under tier k for state S in interval t',
  },
  tier: { rule: 'SUPERVISION_RATIO', meaning: 'tier k selected for state S in interval t' },
  sup_on: {
    rule: 'SUPERVISION_RATIO',
    meaning: 'pharmacists who may supervise state S on duty in interval t (supervisorPresence)',
  },
  any: {
    rule: 'SUPERVISION_RATIO',
    meaning: 'at least one counted technician works for state S in interval t',
  },
};

export interface VariableDescription {
  readonly family: string;
  readonly rule: string;
  readonly meaning: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly employeeId?: string;
  readonly state?: string;
  readonly intervalIndex?: number;
  readonly queueId?: string;
  readonly text: string;
}

/** Parses a variable (or row) name back into its family, rule, employee/state and interval. */
export function describeVariable(name: string): VariableDescription {
  const match = /^([^[]+)\[(.*)\]$/.exec(name);
  const family = match ? match[1] : name;
  const keys: Record<string, string> = {};
  if (match && match[2].length > 0) {
    for (const part of match[2].split(',')) {
      const at = part.indexOf('=');
      keys[part.slice(0, at)] = part.slice(at + 1);
    }
  }
  const known = VARIABLE_FAMILIES[family] ?? {
    rule: family,
    meaning: 'constraint or unknown variable',
  };
  const employeeId = keys.e ?? keys.p;
  const intervalIndex = keys.t !== undefined ? Number(keys.t) : undefined;
  const described = Object.entries(keys)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return {
    family,
    rule: known.rule,
    meaning: known.meaning,
    keys,
    ...(employeeId !== undefined ? { employeeId } : {}),
    ...(keys.S !== undefined ? { state: keys.S } : {}),
    ...(intervalIndex !== undefined ? { intervalIndex } : {}),
    ...(keys.q !== undefined ? { queueId: keys.q } : {}),
    text: `${known.rule}: ${known.meaning} (${described})`,
  };
}
