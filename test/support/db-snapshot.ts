import pg from 'pg';

/**
 * A fingerprint of every row of every application table, to prove that a rejected request wrote
 * nothing: take one before, one after, and compare. The audit trail is left out on purpose: it
 * records rejected attempts too.
 */
export async function databaseFingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'audit_event' ORDER BY 1`,
    );
    const fingerprint: Record<string, string> = {};
    for (const { table_name: table } of tables.rows) {
      const result = await client.query<{ digest: string | null }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
      );
      fingerprint[table] = result.rows[0]?.digest ?? 'empty';
    }
    return fingerprint;
  } finally {
    await client.end();
  }
}

/** Rows per application table. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'audit_event' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name: table } of tables.rows) {
      counts[table] = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n,
      );
    }
    return counts;
  } finally {
    await client.end();
  }
}
