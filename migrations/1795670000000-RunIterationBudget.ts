import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reproducible optimization runs: the iteration budget a run was asked for, the iterations its
 * search ran, and whether its roster is reproducible (same week data, seed and budget). All
 * nullable, so existing runs stay as they are (they had no budget).
 */
export class RunIterationBudget1795670000000 implements MigrationInterface {
  name = 'RunIterationBudget1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "optimization_run"
            ADD "iteration_budget" integer,
            ADD "search_iterations" integer,
            ADD "reproducible" boolean,
            ADD CONSTRAINT "optimization_run_iteration_budget"
                CHECK ("iteration_budget" IS NULL OR "iteration_budget" > 0)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "optimization_run"
            DROP CONSTRAINT "optimization_run_iteration_budget",
            DROP COLUMN "reproducible",
            DROP COLUMN "search_iterations",
            DROP COLUMN "iteration_budget"
        `);
  }
}
