import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { EntityChange } from './entity-changes.js';

/**
 * The changes to personnel records made while one mutation runs. The AuditInterceptor opens a log
 * around each mutation (an AsyncLocalStorage scope, so services need no request argument) and writes
 * what was noted with the mutation's audit event. Services note changes only once their transaction
 * has committed: a rolled-back write changed nothing. Outside a mutation (the CLI seeder, tests
 * calling services directly) there is no log and nothing is noted.
 */
@Injectable()
export class AuditChanges {
  private readonly storage = new AsyncLocalStorage<EntityChange[]>();

  /** Runs `work` with a fresh log; whatever `work` starts (promises, observables) notes into it. */
  collect<T>(work: () => T): { result: T; changes: readonly EntityChange[] } {
    const changes: EntityChange[] = [];
    return { result: this.storage.run(changes, work), changes };
  }

  /** Notes committed changes in the current mutation's log; undefined entries (no change) are skipped. */
  note(changes: Iterable<EntityChange | undefined>): void {
    const log = this.storage.getStore();
    if (!log) return;
    for (const change of changes) if (change) log.push(change);
  }
}
