import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const CLOSE_REASONS = "'NEEDS_MET', 'MOVED_TO_EHC_PLAN', 'LEFT_SCHOOL', 'OTHER'";

/**
 * The SEND caseworker named on a request (a professional of the localities service,
 * by platform id: no foreign key across services), so a child's case names who holds
 * it. And closing a SEN support plan: why it closed, and a version raised by every
 * change so that two people closing or updating one plan at once are told.
 * Plans closed before this have no reason; a reason needs a closing date.
 */
export class CaseworkerAndClosing1764700000000 implements MigrationInterface {
  name = 'CaseworkerAndClosing1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ehc_request ADD COLUMN caseworker_id uuid;
      -- A caseworker's caseload.
      CREATE INDEX ehc_request_caseworker_id_idx ON ehc_request (caseworker_id);

      ALTER TABLE support_plan
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN close_reason text CHECK (close_reason IN (${CLOSE_REASONS})),
        ADD COLUMN close_notes text,
        ADD CONSTRAINT support_plan_reason_when_closed CHECK (close_reason IS NULL OR closed_date IS NOT NULL),
        ADD CONSTRAINT support_plan_notes_with_reason CHECK (close_notes IS NULL OR close_reason IS NOT NULL);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE support_plan DROP COLUMN close_notes, DROP COLUMN close_reason, DROP COLUMN version;
      DROP INDEX ehc_request_caseworker_id_idx;
      ALTER TABLE ehc_request DROP COLUMN caseworker_id;
    `);
  }
}
