/** Every migration in `migrations/`, in order, listed explicitly (no globs: see docs/architecture.md). */
export const MIGRATIONS: readonly (new (...args: never[]) => unknown)[] = [];
