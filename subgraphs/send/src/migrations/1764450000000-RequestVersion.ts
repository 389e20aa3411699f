import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on each request, raised by every change: two caseworkers editing the same
 * request at once are told, rather than one silently undoing the other.
 */
export class RequestVersion1764450000000 implements MigrationInterface {
  name = 'RequestVersion1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE ehc_request ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE ehc_request DROP COLUMN version');
  }
}
