import { MigrationInterface, QueryRunner } from 'typeorm';

export class ShiftTrading1795666909011 implements MigrationInterface {
  name = 'ShiftTrading1795666909011';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'ROSTER_PUBLISHED',
                'TRADE_NEEDS_YOU',
                'TRADE_APPROVED',
                'TRADE_REJECTED',
                'SHIFT_CHANGED',
                'SHIFT_OPENED',
                'TIME_OFF_DECIDED'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "recipient_employee_id" uuid,
                "recipient_role" text,
                "kind" "public"."notification_kind" NOT NULL,
                "message" text NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_undelivered" ON "notification" ("created_at")
            WHERE delivered_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f0f0c47b7006907b962effc6c4" ON "notification" ("recipient_role", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d7b1a8d623a43fa06453a3c0f0" ON "notification" ("recipient_employee_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."open_shift_status" AS ENUM('OPEN', 'CLAIMED', 'FILLED', 'CANCELLED')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."open_shift_origin" AS ENUM('TIME_OFF', 'MANAGER')
        `);
    await queryRunner.query(`
            CREATE TABLE "open_shift" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "roster_id" uuid NOT NULL,
                "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "template_id" uuid NOT NULL,
                "role" "public"."employee_role" NOT NULL,
                "work" jsonb NOT NULL DEFAULT '[]',
                "status" "public"."open_shift_status" NOT NULL DEFAULT 'OPEN',
                "origin" "public"."open_shift_origin" NOT NULL,
                "previous_employee_id" uuid,
                "time_off_id" uuid,
                "trade_id" uuid,
                "created_by" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "open_shift_order" CHECK (end_at > start_at),
                CONSTRAINT "PK_b531ab9796aa2c3420045b03894" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_118f7ecae935045e54cab92145" ON "open_shift" ("roster_id", "status")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."trade_kind" AS ENUM('SWAP', 'GIVE_AWAY', 'OFFER', 'PICKUP')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."trade_status" AS ENUM(
                'REQUESTED',
                'ACCEPTED',
                'APPROVED',
                'REJECTED',
                'CANCELLED',
                'EXPIRED'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "shift_trade" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."trade_kind" NOT NULL,
                "status" "public"."trade_status" NOT NULL DEFAULT 'REQUESTED',
                "roster_id" uuid NOT NULL,
                "requester_id" uuid NOT NULL,
                "shift_id" uuid,
                "counterpart_id" uuid,
                "counterpart_shift_id" uuid,
                "open_shift_id" uuid,
                "awaiting_approval" boolean NOT NULL DEFAULT false,
                "reasons" jsonb NOT NULL DEFAULT '[]',
                "checked_roster_version" integer,
                "note" text,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d76ae8500a5a8e865d85c9cafd0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa25c1e2d6910d1589b5a23ce6" ON "shift_trade" ("status", "expires_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "shift_trade_one_open_per_shift" ON "shift_trade" ("shift_id")
            WHERE "status" IN ('REQUESTED', 'ACCEPTED')
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fe376d564028fdbdd0101b3497" ON "shift_trade" ("counterpart_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8bf67739be488277a274cefc9a" ON "shift_trade" ("requester_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "shift_trade_event" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "trade_id" uuid NOT NULL,
                "status" "public"."trade_status" NOT NULL,
                "actor" text NOT NULL,
                "actor_role" text NOT NULL,
                "actor_employee_id" uuid,
                "comment" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d4223f6c9483b3ea9cd0a726792" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_86f99e07c5cf9f1b6c0b009fff" ON "shift_trade_event" ("trade_id", "at")
        `);
    await queryRunner.query(`
            ALTER TABLE "time_off"
            ADD "decision_comment" text
        `);
    await queryRunner.query(`
            ALTER TABLE "open_shift"
            ADD CONSTRAINT "FK_d6d34dd8d2ea4913d844ec509cb" FOREIGN KEY ("roster_id") REFERENCES "roster"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_trade"
            ADD CONSTRAINT "FK_22c0f2917153ea415ccb8d6533c" FOREIGN KEY ("roster_id") REFERENCES "roster"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_trade_event"
            ADD CONSTRAINT "FK_59aa5ed421b1b3ac67483a20173" FOREIGN KEY ("trade_id") REFERENCES "shift_trade"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "shift_trade_event" DROP CONSTRAINT "FK_59aa5ed421b1b3ac67483a20173"
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_trade" DROP CONSTRAINT "FK_22c0f2917153ea415ccb8d6533c"
        `);
    await queryRunner.query(`
            ALTER TABLE "open_shift" DROP CONSTRAINT "FK_d6d34dd8d2ea4913d844ec509cb"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_off" DROP COLUMN "decision_comment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_86f99e07c5cf9f1b6c0b009fff"
        `);
    await queryRunner.query(`
            DROP TABLE "shift_trade_event"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."trade_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8bf67739be488277a274cefc9a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fe376d564028fdbdd0101b3497"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."shift_trade_one_open_per_shift"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa25c1e2d6910d1589b5a23ce6"
        `);
    await queryRunner.query(`
            DROP TABLE "shift_trade"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."trade_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_118f7ecae935045e54cab92145"
        `);
    await queryRunner.query(`
            DROP TABLE "open_shift"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."open_shift_origin"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."open_shift_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d7b1a8d623a43fa06453a3c0f0"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f0f0c47b7006907b962effc6c4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_undelivered"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
  }
}
