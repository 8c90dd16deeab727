import { parentPort } from 'node:worker_threads';
import { runBoundJob } from '../mip/bound-job.js';
import { lowerSolverThreadPriority } from './thread-priority.js';
import { type FromBoundWorker, type ToBoundWorker, toWorkerError } from './protocol.js';

/**
 * Worker-thread entry of the solve's second thread: receives one `bound` message, runs
 * `runBoundJob` (HiGHS MIP or LP, see mip/bound-job.ts) and answers with its result. The job is
 * synchronous WebAssembly, so the parent stops it through the shared `stop` flag, which HiGHS
 * polls at its interrupt checkpoints (the job then answers with what it has).
 */

const port = parentPort;
if (!port) throw new Error('bound-worker must run in a worker thread');
const send = (message: FromBoundWorker) => port.postMessage(message);

port.once('message', (message: ToBoundWorker) => {
  if (message.lowPriority) lowerSolverThreadPriority();
  const flag = new Int32Array(message.stop);
  runBoundJob(message.instance, {
    strategy: message.strategy,
    timeLimitSeconds: message.timeLimitSeconds,
    shouldStop: () => Atomics.load(flag, 0) !== 0,
    onBound: (bound) => send({ type: 'bound', bound }),
  }).then(
    (result) => send({ type: 'result', result }),
    (error: unknown) => send(toWorkerError(error)),
  );
});
