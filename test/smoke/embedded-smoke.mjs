// Starts the built service exactly as `npm start` does, with DATABASE_URL unset (embedded
// PostgreSQL in a fresh folder), waits for the GraphQL URL it prints, runs the README's example
// query, sends SIGTERM and checks that the process and its database stop cleanly.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READY_WITHIN_MS = 20_000;
const parent = await mkdtemp(join(tmpdir(), 'scheduler-smoke-'));
await chmod(parent, 0o711);
const env = { ...process.env, EMBEDDED_DATA_DIR: join(parent, 'pg'), PORT: '0', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;

const started = Date.now();
const child = spawn(process.execPath, ['dist/src/main.js'], {
  env,
  stdio: ['ignore', 'inherit', 'pipe'],
});
let output = '';
const fail = async (message) => {
  console.error(`embedded smoke test FAILED: ${message}\n--- service output ---\n${output}`);
  child.kill('SIGKILL');
  await rm(parent, { recursive: true, force: true });
  process.exit(1);
};

const url = await new Promise((resolve) => {
  const timer = setTimeout(() => resolve(undefined), READY_WITHIN_MS);
  child.stderr.on('data', (chunk) => {
    output += chunk;
    const match = /GraphQL:\s+(\S+)/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  child.on('exit', () => resolve(undefined));
});
if (!url) await fail(`no GraphQL URL within ${READY_WITHIN_MS} ms`);

const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ serviceInfo { name version databaseTime } }' }),
});
const body = await response.json();
const answeredMs = Date.now() - started;
if (body?.data?.serviceInfo?.name !== 'telepharmacy-scheduler')
  await fail(`unexpected answer ${JSON.stringify(body)}`);
if (answeredMs > READY_WITHIN_MS) await fail(`first answer after ${answeredMs} ms`);

child.kill('SIGTERM');
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
if (code !== 0) await fail(`exit code ${code} after SIGTERM`);
await rm(parent, { recursive: true, force: true });
console.log(`embedded smoke test: answered in ${answeredMs} ms, stopped cleanly`);
