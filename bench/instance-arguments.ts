import { INSTANCE_SIZES, type InstanceSize } from '../src/core/generator/catalog.js';
import { generateInstance } from '../src/core/generator/generate-instance.js';
import type { PlanningInstance } from '../src/core/model/instance.js';

/** `--name value` from the command line, or the fallback. */
export function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

/**
 * The generated week the command line names: `--size` (default `defaultSize`), `--seed`
 * (default 1) and `--profile T,P,S,Q` (other counts of technicians, pharmacists, states and
 * queues: `GeneratorOptions.profile`).
 */
export function instanceFromArguments(defaultSize: InstanceSize): {
  size: InstanceSize;
  seed: number;
  instance: PlanningInstance;
} {
  const size = argument('size', defaultSize) as InstanceSize;
  if (!INSTANCE_SIZES.includes(size)) throw new Error(`Unknown size ${size}`);
  const seed = Number(argument('seed', '1'));
  const counts = argument('profile', '');
  const [technicians, pharmacists, states, queues] = counts.split(',').map(Number);
  const profile = counts ? { technicians, pharmacists, states, queues } : undefined;
  return { size, seed, instance: generateInstance(size, seed, profile ? { profile } : {}) };
}
