import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795663600975 implements MigrationInterface {
  name = 'AuditTrail1795663600975';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "request_id" text,
                "subject" text NOT NULL,
                "roles" text array NOT NULL DEFAULT '{}',
                "key_id" text,
                "kind" text NOT NULL,
                "operation" text NOT NULL,
                "entity_ids" text array NOT NULL DEFAULT '{}',
                "outcome" text NOT NULL,
                "detail" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d4fbd249d696fad0b675bf8d51" ON "audit_event" ("subject", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_806add0204f192a9f867d0515c" ON "audit_event" ("occurred_at")
        `);

    // Append-only: no UPDATE, DELETE or TRUNCATE, whatever the role; only the retention purge
    // (AuditService.purgeExpired, which sets audit.purge for its own transaction) may delete.
    await queryRunner.query(`
            CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND current_setting('audit.purge', true) = 'on' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_806add0204f192a9f867d0515c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d4fbd249d696fad0b675bf8d51"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
  }
}
