import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The locality a pupil lives in, from the home address the school census returns with
 * each enrolment: how this service knows which children are "of" a locality lead's
 * localities, when they go to school elsewhere.
 */
export class PupilHomeLocality1764400000000 implements MigrationInterface {
  name = 'PupilHomeLocality1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE enrolment ADD COLUMN home_locality_id text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE enrolment DROP COLUMN home_locality_id');
  }
}
