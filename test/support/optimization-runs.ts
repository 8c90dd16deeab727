import type { TestApp } from './test-app.js';

/** A run has ended once it leaves QUEUED and RUNNING. */
export const runEnded = (run: { status: string }): boolean =>
  !['QUEUED', 'RUNNING'].includes(run.status);

/**
 * Polls `optimizationRun(id)` with the given selection (which must include `status`) every 200 ms
 * until `done` holds (by default: the run has ended); throws after `timeoutMs`.
 */
export async function waitForRun<R extends { status: string }>(
  t: TestApp,
  token: string,
  id: string,
  fields: string,
  { done = runEnded, timeoutMs = 60_000 }: { done?: (run: R) => boolean; timeoutMs?: number } = {},
): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.gql<{ optimizationRun: R }>(
      `query($id: ID!) { optimizationRun(id: $id) { ${fields} } }`,
      { id },
      token,
    );
    const run = res.data!.optimizationRun;
    if (done(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} stuck in ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
