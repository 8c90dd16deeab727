import { parentPort } from 'node:worker_threads';
import { Random } from '../../generator/prng.js';
import { bestWeek } from '../search/best-week.js';
import { SearchModel } from '../search/model.js';
import { type DayChange, RosterState } from '../search/state.js';
import { decodeOutcomes } from './outcome-codec.js';
import { type FromBestWeekWorker, type ToBestWeekWorker, toWorkerError } from './protocol.js';
import { lowerSolverThreadPriority } from './thread-priority.js';

/**
 * Worker-thread entry of the best-week helper (run-best-weeks-in-worker.ts): keeps a copy of the
 * search's roster, following the parent's resets and applied moves (with the interval outcomes
 * the parent priced) in order, and between those messages proposes random employees' best weeks
 * (search/best-week.ts) on that copy. The parent prices every proposal on its own roster, so a
 * proposal made a few moves behind is only less likely to be accepted, never wrong.
 */

const port = parentPort;
if (!port) throw new Error('best-week-worker must run in a worker thread');
const send = (message: FromBestWeekWorker) => port.postMessage(message);

let model: SearchModel | null = null;
let rng = new Random(1);
let state: RosterState | null = null;
let epoch = 0;
let step = 0;
let proposing = false;

port.on('message', (message: ToBestWeekWorker) => {
  try {
    if (message.type === 'init') {
      if (message.lowPriority) lowerSolverThreadPriority();
      model = new SearchModel(message.instance);
      rng = new Random(message.seed);
    } else if (message.type === 'reset' && model) {
      const weeks = message.weeks.map((codes, e) => model!.decodeWeek(e, codes));
      if (state) state.reset(weeks);
      else state = new RosterState(model, weeks);
      epoch = message.epoch;
      step = 0;
      if (!proposing) void propose();
    } else if (message.type === 'apply' && model && state) {
      // The move as the parent priced it: its outcomes are what this thread's evaluator would
      // find for the same on-duty sets, without evaluating them again.
      state.apply({
        changes: decodeChanges(model, message.changes),
        outcomes: decodeOutcomes(model.evaluator.states, message.outcomes),
        delta: message.delta,
        fairness: message.fairness,
      });
      step += 1;
    }
  } catch (error) {
    send(toWorkerError(error));
  }
});

function decodeChanges(search: SearchModel, codes: readonly number[]): DayChange[] {
  const changes: DayChange[] = [];
  for (let k = 0; k < codes.length; k += 3) {
    const [employee, day, code] = [codes[k], codes[k + 1], codes[k + 2]];
    changes.push({ employee, day, next: search.decodeShift(employee, day, code) });
  }
  return changes;
}

/** One best week at a time, letting the parent's messages in between. */
async function propose(): Promise<void> {
  proposing = true;
  for (;;) {
    if (model && state) {
      const employee = rng.int(0, model.employees.length - 1);
      const changes = bestWeek(state, employee);
      if (changes) {
        const week = [...state.weeks[employee]];
        for (const change of changes) week[change.day] = change.next;
        send({ type: 'proposal', epoch, step, employee, week: model.encodeWeek(employee, week) });
      }
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
