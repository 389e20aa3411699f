import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The team around the child: who works with each child, and the one lead professional
 * at a time. A professional is matched to their sign-in by the token's subject.
 */
export class TeamAroundTheChild1764800000000 implements MigrationInterface {
  name = 'TeamAroundTheChild1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Unique: one sign-in is one person, so a caseload and a team place are never shared.
      ALTER TABLE professional ADD COLUMN subject text UNIQUE CHECK (length(subject) > 0);

      CREATE TABLE team_membership (
        id              uuid        PRIMARY KEY,
        child_id        uuid        NOT NULL REFERENCES child (id),
        professional_id uuid        NOT NULL REFERENCES professional (id),
        team_role       text        NOT NULL CHECK (length(btrim(team_role)) > 0),
        start_date      date        NOT NULL,
        -- The last day on the team, inclusive; null while they are on it.
        end_date        date        CHECK (end_date >= start_date),
        added_by        text        NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX team_membership_child_idx ON team_membership (child_id, start_date);
      CREATE INDEX team_membership_professional_idx ON team_membership (professional_id, start_date);
      -- A professional is on a child's team once at a time (a second open place would double their caseload).
      CREATE UNIQUE INDEX team_membership_one_open_place ON team_membership (child_id, professional_id) WHERE end_date IS NULL;

      CREATE TABLE lead_professional_appointment (
        id              uuid        PRIMARY KEY,
        child_id        uuid        NOT NULL REFERENCES child (id),
        professional_id uuid        NOT NULL REFERENCES professional (id),
        -- [appointed_at, ended_at): the next lead's appointment is this one's end.
        appointed_at    timestamptz NOT NULL,
        ended_at        timestamptz CHECK (ended_at >= appointed_at),
        appointed_by    text        NOT NULL,
        end_reason      text        CHECK (end_reason IN ('HANDED_OVER', 'LEFT_TEAM', 'SUPPORT_ENDED')),
        created_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      );
      CREATE INDEX lead_professional_appointment_child_idx ON lead_professional_appointment (child_id, appointed_at);
      CREATE INDEX lead_professional_appointment_professional_idx ON lead_professional_appointment (professional_id);
      -- Never two leads at once, whatever the application does: the database refuses a second current one.
      CREATE UNIQUE INDEX lead_professional_one_current ON lead_professional_appointment (child_id) WHERE ended_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE lead_professional_appointment; DROP TABLE team_membership; ALTER TABLE professional DROP COLUMN subject;');
  }
}
