import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school the register records each child at (the local authority's copy from the
 * school census): it is how this service knows which children a SENCO may see.
 */
export class RegisterSchool1764300000000 implements MigrationInterface {
  name = 'RegisterSchool1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE child ADD COLUMN school_urn text CHECK (school_urn ~ '^[0-9]{6}$');
      CREATE INDEX child_school_name_idx ON child (school_urn, family_name, given_name, id) WHERE school_urn IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE child DROP COLUMN school_urn;');
  }
}
