import { parentPort } from 'node:worker_threads';
import { defaultSolveDeps } from '../default-deps.js';
import { solveRoster } from '../solve.js';
import { lowerSolverThreadPriority } from './thread-priority.js';
import { type FromWorker, type ToWorker, toWorkerError } from './protocol.js';

/**
 * Worker-thread entry: receives one `solve` message, runs `solveRoster` with progress relayed to
 * the parent, and answers with the result (or the error). A `cancel` message aborts the solve,
 * which then returns the best roster so far with status CANCELLED. The local search yields to the
 * event loop every ~50 ms, so a cancel arrives promptly once construction is over.
 */

const port = parentPort;
if (!port) throw new Error('solve-worker must run in a worker thread');
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  if (message.lowPriority) lowerSolverThreadPriority();
  solveRoster(
    message.instance,
    {
      ...message.options,
      signal: controller.signal,
      onProgress: (progress) => send({ type: 'progress', progress }),
    },
    {
      ...defaultSolveDeps(message.instance, { lowPriority: message.lowPriority }),
      ...(message.search ? { search: message.search } : {}),
    },
  ).then(
    (result) => send({ type: 'result', result }),
    (error: unknown) => send(toWorkerError(error)),
  );
});
