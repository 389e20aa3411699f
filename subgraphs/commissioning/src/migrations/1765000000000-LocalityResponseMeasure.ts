import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const KINDS_BEFORE = "'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', 'WAITING_52_WEEKS_OR_MORE', 'WAITING_UNDER_18_WEEKS', 'SUSPENSIONS_OF_PUPILS_WITH_SEN'";
const KINDS = `${KINDS_BEFORE}, 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS'`;

/**
 * A measure may be bound to the localities service's 2-working-day response: the share
 * of requests for locality support answered within 2 working days. Widens the kinds the
 * measure table accepts; the first migration is left as it was applied.
 */
export class LocalityResponseMeasure1765000000000 implements MigrationInterface {
  name = 'LocalityResponseMeasure1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE measure DROP CONSTRAINT measure_kind_check;
      ALTER TABLE measure ADD CONSTRAINT measure_kind_check CHECK (kind IN (${KINDS}));
    `);
  }

  // Refused while a measure of the new kind exists: going back would lose what it tracks.
  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE measure DROP CONSTRAINT measure_kind_check;
      ALTER TABLE measure ADD CONSTRAINT measure_kind_check CHECK (kind IN (${KINDS_BEFORE}));
    `);
  }
}
