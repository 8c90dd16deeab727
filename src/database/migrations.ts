import { WorkforceRegulationDemand1795658411586 } from '../../migrations/1795658411586-WorkforceRegulationDemand.js';

/** Every migration in `migrations/`, in order, listed explicitly (no globs: the same list works under jest, the CLI and dist/). */
export const MIGRATIONS = [WorkforceRegulationDemand1795658411586] as const;
