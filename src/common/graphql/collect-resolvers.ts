import type { DynamicModule, Type } from '@nestjs/common';

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

/** Every GraphQL resolver class provided by these modules and the modules they import. */
export function collectResolvers(modules: readonly ModuleRef[]): Type[] {
  const found = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    const moduleClass = typeof ref === 'function' ? ref : ref.module;
    const dynamic = typeof ref === 'function' ? undefined : ref;
    const providers = [
      ...((Reflect.getMetadata('providers', moduleClass) as unknown[]) ?? []),
      ...(dynamic?.providers ?? []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.hasMetadata(RESOLVER_TYPE_METADATA, provider))
        found.add(provider as Type);
    }
    const imports = [
      ...((Reflect.getMetadata('imports', moduleClass) as ModuleRef[]) ?? []),
      ...((dynamic?.imports as ModuleRef[]) ?? []),
    ];
    imports.forEach(visit);
  };
  modules.forEach(visit);
  return [...found];
}
