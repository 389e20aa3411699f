import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const DIMENSIONS =
  "'LEADERSHIP', 'ASSESS', 'PLAN', 'DO', 'REVIEW', 'HIGH_QUALITY_TEACHING', 'USE_OF_EXPERTISE', 'PERSONALISATION', 'PROGRESS_TRACKING', 'COMMUNICATION_AND_COLLABORATION'";
const CHECK_ITEMS =
  "'SENCO_APPOINTED', 'SENCO_QUALIFICATION', 'SEN_INFORMATION_REPORT_PUBLISHED', 'SEN_POLICY_PUBLISHED', 'PARENTS_TOLD_WHEN_PROVISION_STARTS', 'ACCESSIBILITY_PLAN', 'GOVERNOR_FOR_SEND'";

/**
 * Schools' SEND self-evaluations: graded statements with evidence, the statutory
 * checklist and the action plan drawn from them. A school's own judgement of itself,
 * not personal data; kept as history (the latest per school is current).
 */
export class SendSelfEvaluation1764800000000 implements MigrationInterface {
  name = 'SendSelfEvaluation1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE send_self_evaluation (
        id             uuid        PRIMARY KEY,
        school_urn     text        NOT NULL REFERENCES school (urn),
        evaluated_date date        NOT NULL,
        completed_by   text        NOT NULL CHECK (btrim(completed_by) <> ''),
        recorded_by    text        NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      -- A school evaluates itself at most once a day; this also serves the latest per school.
      CREATE UNIQUE INDEX send_self_evaluation_school_date_idx ON send_self_evaluation (school_urn, evaluated_date);

      CREATE TABLE send_self_evaluation_statement (
        evaluation_id  uuid NOT NULL REFERENCES send_self_evaluation (id),
        statement_code text NOT NULL,
        dimension      text NOT NULL CHECK (dimension IN (${DIMENSIONS})),
        grade          text NOT NULL CHECK (grade IN ('EMERGING', 'DEVELOPING', 'EMBEDDED')),
        evidence       text,
        PRIMARY KEY (evaluation_id, statement_code),
        CONSTRAINT send_self_evaluation_statement_of_its_dimension CHECK (statement_code ~ ('^' || dimension || '_[0-9]+$')),
        CONSTRAINT send_self_evaluation_statement_evidence CHECK (grade = 'EMERGING' OR btrim(coalesce(evidence, '')) <> '')
      );

      CREATE TABLE send_statutory_check (
        evaluation_id uuid    NOT NULL REFERENCES send_self_evaluation (id),
        item          text    NOT NULL CHECK (item IN (${CHECK_ITEMS})),
        met           boolean NOT NULL,
        note          text,
        PRIMARY KEY (evaluation_id, item)
      );

      CREATE TABLE send_action (
        id                 uuid     PRIMARY KEY,
        evaluation_id      uuid     NOT NULL REFERENCES send_self_evaluation (id),
        sort_order         smallint NOT NULL CHECK (sort_order >= 1),
        target             text     NOT NULL CHECK (btrim(target) <> ''),
        actions            text     NOT NULL CHECK (btrim(actions) <> ''),
        person_responsible text     NOT NULL CHECK (btrim(person_responsible) <> ''),
        resources          text,
        evidence_of_impact text,
        date_completed     date,
        version            integer  NOT NULL DEFAULT 1,
        -- A completed action says what difference it made.
        CONSTRAINT send_action_completed_with_evidence CHECK (date_completed IS NULL OR btrim(coalesce(evidence_of_impact, '')) <> '')
      );
      -- The foreign key, and a plan's lines in order.
      CREATE UNIQUE INDEX send_action_evaluation_order_idx ON send_action (evaluation_id, sort_order);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE send_action; DROP TABLE send_statutory_check; DROP TABLE send_self_evaluation_statement; DROP TABLE send_self_evaluation;');
  }
}
