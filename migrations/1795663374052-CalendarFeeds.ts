import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarFeeds1795663374052 implements MigrationInterface {
  name = 'CalendarFeeds1795663374052';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_feed" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employee_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3a0b1d1c7619ea19ff1affaaf7" ON "calendar_feed" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_826d784ece6063e0d1ec87dd36" ON "calendar_feed" ("employee_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feed"
            ADD CONSTRAINT "FK_826d784ece6063e0d1ec87dd36e" FOREIGN KEY ("employee_id") REFERENCES "employee"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_826d784ece6063e0d1ec87dd36e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_826d784ece6063e0d1ec87dd36"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3a0b1d1c7619ea19ff1affaaf7"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_feed"
        `);
  }
}
