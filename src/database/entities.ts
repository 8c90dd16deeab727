/** Every entity, listed explicitly so the same list works under jest, the CLI and dist/. */
export const ENTITIES: readonly (new (...args: never[]) => unknown)[] = [];
