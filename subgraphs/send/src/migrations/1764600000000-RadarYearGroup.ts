import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The year group a child was in when their school assessed them on the needs radar
 * (-1 nursery, 0 Reception, 1 to 14), so a school can see its children's needs year by
 * year. Empty for assessments recorded before, or where the school did not give it.
 */
export class RadarYearGroup1764600000000 implements MigrationInterface {
  name = 'RadarYearGroup1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE radar_assessment
        ADD COLUMN year_group smallint CONSTRAINT radar_assessment_year_group_range CHECK (year_group BETWEEN -1 AND 14);
      CREATE INDEX radar_assessment_school_year_group_idx ON radar_assessment (school_urn, year_group);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX radar_assessment_school_year_group_idx; ALTER TABLE radar_assessment DROP COLUMN year_group;');
  }
}
