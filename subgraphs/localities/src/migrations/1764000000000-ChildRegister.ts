import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The local area, its localities, the child register and professionals. */
export class ChildRegister1764000000000 implements MigrationInterface {
  name = 'ChildRegister1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE local_area (
        code       char(9)  PRIMARY KEY CHECK (code ~ '^[EWSN][0-9]{8}$'),
        la_number  smallint NOT NULL UNIQUE CHECK (la_number BETWEEN 100 AND 999),
        name       text     NOT NULL
      );
      CREATE TABLE locality (
        id              text    PRIMARY KEY,
        name            text    NOT NULL,
        local_area_code char(9) NOT NULL REFERENCES local_area (code)
      );
      CREATE INDEX locality_local_area_code_idx ON locality (local_area_code);

      CREATE TABLE child (
        id            uuid        PRIMARY KEY,
        nhs_number    char(10)    NOT NULL UNIQUE CHECK (nhs_number ~ '^[0-9]{10}$'),
        upn           char(13)    UNIQUE CHECK (upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
        given_name    text        NOT NULL,
        family_name   text        NOT NULL,
        date_of_birth date        NOT NULL,
        sex           char(1)     NOT NULL CHECK (sex IN ('F', 'M', 'U')),
        locality_id   text        NOT NULL REFERENCES locality (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      );
      -- Keyset paging of the register, for the whole area and for one locality.
      CREATE INDEX child_name_idx ON child (family_name, given_name, id);
      CREATE INDEX child_locality_name_idx ON child (locality_id, family_name, given_name, id);

      CREATE TABLE professional (
        id          uuid PRIMARY KEY,
        given_name  text NOT NULL,
        family_name text NOT NULL,
        role        text NOT NULL,
        agency      text NOT NULL CHECK (agency IN ('SCHOOL', 'SEND_SERVICE', 'HEALTH_SERVICE', 'SOCIAL_CARE', 'EARLY_HELP', 'YOUTH_JUSTICE', 'VOLUNTARY_SECTOR')),
        email       text NOT NULL,
        locality_id text REFERENCES locality (id)
      );
      CREATE INDEX professional_locality_id_idx ON professional (locality_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE professional; DROP TABLE child; DROP TABLE locality; DROP TABLE local_area;');
  }
}
