import {
  INSTANCE_SIZES,
  type InstanceSize,
  type SizeProfile,
} from '../src/core/generator/catalog.js';
import { generateInstance } from '../src/core/generator/generate-instance.js';
import type { PlanningInstance } from '../src/core/model/instance.js';

/** The time limit per size (a 10 s small week; tiny for quick checks). */
export const DEFAULT_SECONDS: Readonly<Record<InstanceSize, number>> = {
  tiny: 5,
  small: 10,
  medium: 20,
  large: 60,
};

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
  const profile = counts ? parseProfile(counts) : undefined;
  return { size, seed, instance: generateInstance(size, seed, profile ? { profile } : {}) };
}

/** `T,P,S,Q` as counts of technicians, pharmacists, states and queues (positive integers). */
export function parseProfile(counts: string): SizeProfile {
  const numbers = counts.split(',').map(Number);
  if (numbers.length !== 4 || !numbers.every((n) => Number.isInteger(n) && n > 0))
    throw new Error(`--profile ${counts}: expected four positive integers T,P,S,Q`);
  const [technicians, pharmacists, states, queues] = numbers;
  return { technicians, pharmacists, states, queues };
}
