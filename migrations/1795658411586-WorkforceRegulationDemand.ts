import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkforceRegulationDemand1795658411586 implements MigrationInterface {
  name = 'WorkforceRegulationDemand1795658411586';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."task_type" AS ENUM(
                'INSURANCE_CLAIMS',
                'EPRESCRIPTION_ENTRY',
                'CUSTOMER_CALLS',
                'QA_REVIEW'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."queue_channel" AS ENUM('VOICE', 'DEFERRED')
        `);
    await queryRunner.query(`
            CREATE TABLE "queue" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" text NOT NULL,
                "name" text NOT NULL,
                "task_type" "public"."task_type" NOT NULL,
                "channel" "public"."queue_channel" NOT NULL,
                "aht_seconds" numeric(8, 2),
                "target_service_level" numeric(5, 4),
                "target_answer_seconds" integer,
                "max_occupancy" numeric(5, 4),
                "shrinkage" numeric(5, 4) NOT NULL DEFAULT '0',
                "patience_seconds" numeric(8, 2),
                "deadline_minutes" integer,
                "states" character(2) array NOT NULL,
                "requires_state_licence" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "queue_deferred_parameters" CHECK (
                    channel <> 'DEFERRED'
                    OR (
                        aht_seconds IS NOT NULL
                        AND deadline_minutes IS NOT NULL
                    )
                ),
                CONSTRAINT "queue_voice_parameters" CHECK (
                    channel <> 'VOICE'
                    OR (
                        aht_seconds IS NOT NULL
                        AND target_service_level IS NOT NULL
                        AND target_answer_seconds IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_4adefbd9c73b3f9a49985a5529f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a8d99c3741602a0d7a1521eca4" ON "queue" ("key")
        `);
    await queryRunner.query(`
            CREATE TABLE "forecast" (
                "queue_id" uuid NOT NULL,
                "state" character(2) NOT NULL,
                "interval_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "interval_minutes" smallint NOT NULL,
                "volume" numeric(12, 3) NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "forecast_interval_minutes" CHECK (interval_minutes IN (15, 30)),
                CONSTRAINT "forecast_volume_non_negative" CHECK (volume >= 0),
                CONSTRAINT "PK_81e21208ed121288611fc367877" PRIMARY KEY ("queue_id", "state", "interval_start")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1a01879b007a7ef14aff3c2bc7" ON "forecast" ("interval_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "shift_template" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" text NOT NULL,
                "name" text NOT NULL,
                "start_minutes" smallint array NOT NULL,
                "length_minutes" smallint array NOT NULL,
                "unpaid_breaks" jsonb NOT NULL DEFAULT '[]',
                "site" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5b21be224526f8914c7c340a24e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d3031ab76648ec2554fd4ff116" ON "shift_template" ("key")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."supervision_kind" AS ENUM('NONE', 'RATIO')
        `);
    await queryRunner.query(`
            CREATE TABLE "jurisdiction_rule_set" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "state" character(2) NOT NULL,
                "effective_from" date NOT NULL,
                "supervision_kind" "public"."supervision_kind" NOT NULL,
                "ratio_tiers" jsonb NOT NULL DEFAULT '[]',
                "max_uncertified_per_pharmacist" smallint,
                "remote_technicians_count" boolean NOT NULL DEFAULT true,
                "supervisor_must_hold_state_licence" boolean NOT NULL DEFAULT true,
                "interns_count" boolean NOT NULL DEFAULT false,
                "task_rules" jsonb NOT NULL DEFAULT '[]',
                "citation" text NOT NULL,
                "confidence_note" text,
                "is_sample" boolean NOT NULL DEFAULT false,
                "created_by" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a665a24ac4dcfa0cfe76b30514b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c6dae83fc1b1fa28bf452b6e36" ON "jurisdiction_rule_set" ("state", "effective_from")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."licence_kind" AS ENUM(
                'PHARMACIST_LICENCE',
                'TECHNICIAN_LICENCE',
                'TECHNICIAN_REGISTRATION'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "licence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employee_id" uuid NOT NULL,
                "state" character(2) NOT NULL,
                "kind" "public"."licence_kind" NOT NULL,
                "number" text NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "licence_validity_order" CHECK (
                    valid_until IS NULL
                    OR valid_until >= valid_from
                ),
                CONSTRAINT "PK_3b4f2cda4a38b8026e4c700844c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a3dd365e2657678cf2efe6a0ab" ON "licence" ("state")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_788cc1c67f2af3ff5280a26b61" ON "licence" ("employee_id", "state", "kind")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."employee_role" AS ENUM('TECHNICIAN', 'PHARMACIST')
        `);
    await queryRunner.query(`
            CREATE TABLE "employee" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" BIGSERIAL NOT NULL,
                "external_id" text NOT NULL,
                "role" "public"."employee_role" NOT NULL,
                "name" text NOT NULL,
                "email" text,
                "time_zone" text NOT NULL,
                "hire_date" date NOT NULL,
                "min_hours_per_week" numeric(5, 2) NOT NULL DEFAULT '0',
                "max_hours_per_week" numeric(5, 2) NOT NULL DEFAULT '40',
                "max_hours_per_day" numeric(4, 2) NOT NULL DEFAULT '10',
                "min_rest_hours" numeric(4, 2) NOT NULL DEFAULT '10',
                "max_consecutive_days" smallint NOT NULL DEFAULT '6',
                "overtime_threshold_hours" numeric(5, 2) NOT NULL DEFAULT '40',
                "overtime_multiplier" numeric(4, 2) NOT NULL DEFAULT 1.5,
                "hourly_rate" numeric(8, 2) NOT NULL,
                "skills" text array NOT NULL DEFAULT '{}',
                "remote" boolean NOT NULL DEFAULT true,
                "remote_experience_hours" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_eb2d09a72ae46e93a3106a958cb" UNIQUE ("seq"),
                CONSTRAINT "employee_hours_order" CHECK (
                    min_hours_per_week <= max_hours_per_week
                    AND max_hours_per_day > 0
                    AND hourly_rate >= 0
                ),
                CONSTRAINT "PK_3c2bc72f03fd5abbbc5ac169498" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_dc707f583a812277e6a2797eb1" ON "employee" ("external_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3afe30761d4d448d02d49a1f2f" ON "employee" ("updated_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "availability_window" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employee_id" uuid NOT NULL,
                "day_of_week" smallint NOT NULL,
                "start_minute" smallint NOT NULL,
                "end_minute" smallint NOT NULL,
                CONSTRAINT "availability_window_order" CHECK (
                    start_minute >= 0
                    AND end_minute <= 1440
                    AND end_minute > start_minute
                ),
                CONSTRAINT "availability_day_of_week" CHECK (
                    day_of_week BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_4394b198b46489d902698d50b74" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8f24f9cc3b2aa4876e62944862" ON "availability_window" ("employee_id", "day_of_week")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."certification_kind" AS ENUM('CPHT', 'EXCPT', 'OTHER')
        `);
    await queryRunner.query(`
            CREATE TABLE "certification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employee_id" uuid NOT NULL,
                "kind" "public"."certification_kind" NOT NULL,
                "obtained" date NOT NULL,
                "expires" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "certification_validity_order" CHECK (
                    expires IS NULL
                    OR expires >= obtained
                ),
                CONSTRAINT "PK_a7364bd3e4a407f67d8165b820c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2973eca00a264ac7f242b64bce" ON "certification" ("employee_id", "kind")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."time_off_status" AS ENUM('REQUESTED', 'APPROVED', 'REJECTED')
        `);
    await queryRunner.query(`
            CREATE TABLE "time_off" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employee_id" uuid NOT NULL,
                "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" "public"."time_off_status" NOT NULL DEFAULT 'REQUESTED',
                "reason" text,
                "requested_by" text NOT NULL,
                "decided_by" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "time_off_order" CHECK (end_at > start_at),
                CONSTRAINT "PK_e80a790cc96026d0f557a78f83d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4dc47bb5086900c0b771b3caa5" ON "time_off" ("employee_id", "start_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast"
            ADD CONSTRAINT "FK_e632f6b81ae4b8e1a4afba60603" FOREIGN KEY ("queue_id") REFERENCES "queue"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "licence"
            ADD CONSTRAINT "FK_9e2c0aa1f3a1caefc58747f27aa" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "availability_window"
            ADD CONSTRAINT "FK_7ca798bbc2b484ae9e1236cb265" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "certification"
            ADD CONSTRAINT "FK_b6f83b24c41f03962c751d5f4ee" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_off"
            ADD CONSTRAINT "FK_32fdf136ea0ee670fc4f220c3ff" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "time_off" DROP CONSTRAINT "FK_32fdf136ea0ee670fc4f220c3ff"
        `);
    await queryRunner.query(`
            ALTER TABLE "certification" DROP CONSTRAINT "FK_b6f83b24c41f03962c751d5f4ee"
        `);
    await queryRunner.query(`
            ALTER TABLE "availability_window" DROP CONSTRAINT "FK_7ca798bbc2b484ae9e1236cb265"
        `);
    await queryRunner.query(`
            ALTER TABLE "licence" DROP CONSTRAINT "FK_9e2c0aa1f3a1caefc58747f27aa"
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast" DROP CONSTRAINT "FK_e632f6b81ae4b8e1a4afba60603"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4dc47bb5086900c0b771b3caa5"
        `);
    await queryRunner.query(`
            DROP TABLE "time_off"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."time_off_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2973eca00a264ac7f242b64bce"
        `);
    await queryRunner.query(`
            DROP TABLE "certification"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."certification_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8f24f9cc3b2aa4876e62944862"
        `);
    await queryRunner.query(`
            DROP TABLE "availability_window"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3afe30761d4d448d02d49a1f2f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_dc707f583a812277e6a2797eb1"
        `);
    await queryRunner.query(`
            DROP TABLE "employee"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."employee_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_788cc1c67f2af3ff5280a26b61"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a3dd365e2657678cf2efe6a0ab"
        `);
    await queryRunner.query(`
            DROP TABLE "licence"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."licence_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c6dae83fc1b1fa28bf452b6e36"
        `);
    await queryRunner.query(`
            DROP TABLE "jurisdiction_rule_set"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."supervision_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d3031ab76648ec2554fd4ff116"
        `);
    await queryRunner.query(`
            DROP TABLE "shift_template"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1a01879b007a7ef14aff3c2bc7"
        `);
    await queryRunner.query(`
            DROP TABLE "forecast"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a8d99c3741602a0d7a1521eca4"
        `);
    await queryRunner.query(`
            DROP TABLE "queue"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."queue_channel"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."task_type"
        `);
  }
}
