import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export const OPTIMIZATION_QUEUE = 'roster-optimization';

/** PostgreSQL's admin_shutdown: the server ended the connection because it is stopping. */
const ADMIN_SHUTDOWN = '57P01';

export interface OptimizationJob {
  runId: string;
}

/**
 * Durable jobs in PostgreSQL (pg-boss, in its own `pgboss` schema): no other server, and several
 * service instances share the work. Started before the application serves, stopped on shutdown.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private boss: PgBoss | undefined;
  private stopping = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.database.url,
      max: 3,
      application_name: 'telepharmacy-scheduler-jobs',
    });
    boss.on('error', (error) => this.reportError(error));
    await boss.start();
    await boss.createQueue(OPTIMIZATION_QUEUE);
    this.boss = boss;
  }

  async enqueue(job: OptimizationJob, expireInSeconds: number): Promise<string> {
    const id = await this.started().send(OPTIMIZATION_QUEUE, job, {
      retryLimit: 0,
      expireInSeconds,
    });
    if (!id) throw new Error(`the job queue refused the job for run ${job.runId}`);
    return id;
  }

  async work(handler: (job: OptimizationJob) => Promise<void>): Promise<void> {
    await this.started().work<OptimizationJob>(
      OPTIMIZATION_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
  }

  /**
   * pg-boss's errors, logged. Once shutdown has begun, the database ending a connection because it
   * is itself stopping is expected, not an error: the embedded database stops right after the
   * application, and pg-boss's pool may still be closing its last connection.
   */
  reportError(error: Error & { code?: string }): void {
    if (this.stopping && error.code === ADMIN_SHUTDOWN) {
      this.logger.debug({ err: error }, 'job queue connection ended by the stopping database');
      return;
    }
    this.logger.error({ err: error }, 'job queue error');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.boss?.stop({
      graceful: true,
      timeout: this.config.http.shutdownTimeoutMs,
      wait: true,
    });
    this.boss = undefined;
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not started');
    return this.boss;
  }
}
