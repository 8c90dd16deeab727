import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rostering1795660294151 implements MigrationInterface {
  name = 'Rostering1795660294151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."optimization_run_status" AS ENUM(
                'QUEUED',
                'RUNNING',
                'SUCCEEDED',
                'FAILED',
                'CANCELLED'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "optimization_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "week" date NOT NULL,
                "status" "public"."optimization_run_status" NOT NULL DEFAULT 'QUEUED',
                "time_limit_seconds" integer NOT NULL,
                "seed" integer NOT NULL DEFAULT '1',
                "pinned_shift_ids" uuid array NOT NULL DEFAULT '{}',
                "baseline_roster_id" uuid,
                "weights" jsonb NOT NULL DEFAULT '{}',
                "progress" jsonb,
                "roster_id" uuid,
                "failure_reason" text,
                "infeasibility" jsonb,
                "cancel_requested" boolean NOT NULL DEFAULT false,
                "requested_by" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "heartbeat_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_fc1a25f194dbf1a1a5f621c2e9a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8f741c44353980b463d9e22546" ON "optimization_run" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_445ac735cbfe2d2f9ae0d8f84d" ON "optimization_run" ("week", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "roster_edit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "roster_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "detail" jsonb NOT NULL,
                "accepted_breaches" jsonb NOT NULL DEFAULT '[]',
                "reason" text,
                "edited_by" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f057c4d9331ceda3367435c17e6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_faebdd3af43ebbf74e2f39b02d" ON "roster_edit" ("roster_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."roster_status" AS ENUM('DRAFT', 'PUBLISHED', 'SUPERSEDED')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."roster_source" AS ENUM('OPTIMIZER', 'REOPTIMIZATION')
        `);
    await queryRunner.query(`
            CREATE TABLE "roster" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "week" date NOT NULL,
                "version" integer NOT NULL,
                "status" "public"."roster_status" NOT NULL DEFAULT 'DRAFT',
                "source" "public"."roster_source" NOT NULL,
                "based_on_id" uuid,
                "run_id" uuid,
                "time_zone" text NOT NULL,
                "interval_minutes" smallint NOT NULL,
                "allocations" jsonb NOT NULL DEFAULT '[]',
                "supervision" jsonb NOT NULL DEFAULT '[]',
                "objective" numeric,
                "lower_bound" numeric,
                "gap" numeric,
                "solve_method" text,
                "explanations" jsonb NOT NULL DEFAULT '[]',
                "created_by" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_by" text,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "row_version" integer NOT NULL,
                CONSTRAINT "roster_version_positive" CHECK (version > 0),
                CONSTRAINT "PK_a4942154015f2666f3b5ddc15d3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "roster_one_published_per_week" ON "roster" ("week")
            WHERE "status" = 'PUBLISHED'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_11e4b3f9902c9f9c339d270e3f" ON "roster" ("week", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "roster_shift" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "roster_id" uuid NOT NULL,
                "employee_id" uuid NOT NULL,
                "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "template_id" uuid NOT NULL,
                "pinned" boolean NOT NULL DEFAULT false,
                CONSTRAINT "roster_shift_order" CHECK (end_at > start_at),
                CONSTRAINT "PK_3572aeedf37ad3d3f2eb35f416d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e31bb0344c3e8331806e565f87" ON "roster_shift" ("employee_id", "start_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_29b7cfb61d40c4bcac27a1d75f" ON "roster_shift" ("roster_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "roster_shift"
            ADD CONSTRAINT "FK_29b7cfb61d40c4bcac27a1d75f5" FOREIGN KEY ("roster_id") REFERENCES "roster"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "roster_shift"
            ADD CONSTRAINT "FK_22899fc198833ee7e1d2de85aea" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "roster_shift" DROP CONSTRAINT "FK_22899fc198833ee7e1d2de85aea"
        `);
    await queryRunner.query(`
            ALTER TABLE "roster_shift" DROP CONSTRAINT "FK_29b7cfb61d40c4bcac27a1d75f5"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_29b7cfb61d40c4bcac27a1d75f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e31bb0344c3e8331806e565f87"
        `);
    await queryRunner.query(`
            DROP TABLE "roster_shift"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_11e4b3f9902c9f9c339d270e3f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."roster_one_published_per_week"
        `);
    await queryRunner.query(`
            DROP TABLE "roster"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."roster_source"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."roster_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_faebdd3af43ebbf74e2f39b02d"
        `);
    await queryRunner.query(`
            DROP TABLE "roster_edit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_445ac735cbfe2d2f9ae0d8f84d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8f741c44353980b463d9e22546"
        `);
    await queryRunner.query(`
            DROP TABLE "optimization_run"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."optimization_run_status"
        `);
  }
}
