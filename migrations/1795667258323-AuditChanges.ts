import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personnel records each mutation changed, with old and new values. Adding a column with a
 * constant default rewrites no row, so the append-only trigger on audit_event is not involved.
 */
export class AuditChanges1795667258323 implements MigrationInterface {
  name = 'AuditChanges1795667258323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "audit_event"
            ADD "changes" jsonb NOT NULL DEFAULT '[]'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "audit_event" DROP COLUMN "changes"
        `);
  }
}
