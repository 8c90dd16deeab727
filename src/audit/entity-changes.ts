/**
 * What a mutation did to one personnel record, as the audit trail keeps it: the record, whether it
 * was created, updated or deleted, and each field that differs with its old and new value.
 * Pure: no framework, no database, so the diff is tested with plain objects.
 */
export type ChangeAction = 'CREATED' | 'UPDATED' | 'DELETED';

/** A value as JSON keeps it: dates become ISO strings, undefined becomes null. */
export type AuditValue =
  string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

export interface FieldChange {
  readonly field: string;
  /** Absent when the record was created. */
  readonly old?: AuditValue;
  /** Absent when the record was deleted. */
  readonly new?: AuditValue;
}

export interface EntityChange {
  readonly entityType: string;
  readonly entityId: string;
  readonly action: ChangeAction;
  readonly fields: readonly FieldChange[];
}

export function toAuditValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toAuditValue);
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        toAuditValue(item),
      ]),
    );
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'bigint') return value.toString();
  return null; // functions and symbols have no JSON form
}

/** Deep equality of JSON values; object keys are compared in any order. */
function sameAuditValue(a: AuditValue, b: AuditValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameAuditValue(item, b[i]))
    );
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => key in b && sameAuditValue(a[key], b[key]))
  );
}

/** A record's values, of at least the fields compared. */
type Snapshot<K extends string> = { readonly [F in K]?: unknown };

/**
 * The change from `before` to `after` over the listed fields, or undefined when nothing changed.
 * `before` undefined: the record was created (fields that are null are left out); `after`
 * undefined: it was deleted (likewise).
 */
export function diffRecord<K extends string>(
  entityType: string,
  entityId: string,
  before: Snapshot<K> | undefined,
  after: Snapshot<K> | undefined,
  fields: readonly K[],
): EntityChange | undefined {
  if (!before && !after) return undefined;
  const changed: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before ? toAuditValue(before[field]) : undefined;
    const newValue = after ? toAuditValue(after[field]) : undefined;
    if (oldValue === undefined) {
      if (newValue !== null) changed.push({ field, new: newValue });
    } else if (newValue === undefined) {
      if (oldValue !== null) changed.push({ field, old: oldValue });
    } else if (!sameAuditValue(oldValue, newValue)) {
      changed.push({ field, old: oldValue, new: newValue });
    }
  }
  if (before && after && changed.length === 0) return undefined;
  const action: ChangeAction = !before ? 'CREATED' : !after ? 'DELETED' : 'UPDATED';
  return { entityType, entityId, action, fields: changed };
}
