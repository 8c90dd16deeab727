import type { EntityManager } from 'typeorm';

/**
 * Serialises concurrent writers of the same natural keys until the transaction ends: one
 * transaction-scoped advisory lock per key, taken in key order so that two writers never wait on
 * each other in a cycle. What a writer reads after taking the locks stays as read until it commits.
 */
export async function lockKeys(
  manager: EntityManager,
  namespace: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || k, 0)) FROM (SELECT unnest($2::text[]) AS k ORDER BY 1) AS keys`,
    [namespace, keys],
  );
}
