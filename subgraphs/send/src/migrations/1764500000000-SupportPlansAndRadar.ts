import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const DOMAINS = "'COGNITION_AND_LEARNING', 'COMMUNICATION_AND_INTERACTION', 'SENSORY_AND_PHYSICAL', 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH', 'INDEPENDENCE'";
const URN = "'^[1-9][0-9]{5}$'";

/**
 * SEN support plans (census code K) with their outcomes, provision and assess, plan,
 * do, review cycles; the needs radar (Valuing SEND): children's assessments with a
 * rating per domain, and schools' ratings of their own readiness, kept as history.
 * Ratings run 0 (none) to 4 (very high).
 */
export class SupportPlansAndRadar1764500000000 implements MigrationInterface {
  name = 'SupportPlansAndRadar1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE support_plan (
        id                uuid PRIMARY KEY,
        child_id          uuid NOT NULL,
        school_urn        text NOT NULL CHECK (school_urn ~ ${URN}),
        started_date      date NOT NULL,
        -- The Code of Practice requires parents to be told when SEN provision starts.
        parents_told_date date NOT NULL,
        child_views       text,
        parent_views      text,
        closed_date       date,
        CONSTRAINT support_plan_dates_ordered CHECK (closed_date IS NULL OR closed_date >= started_date)
      );
      CREATE INDEX support_plan_child_id_idx ON support_plan (child_id, started_date);
      -- Plans a school writes (the SENCO's access rule).
      CREATE INDEX support_plan_school_urn_idx ON support_plan (school_urn, closed_date);

      CREATE TABLE support_plan_outcome (
        id          uuid PRIMARY KEY,
        plan_id     uuid NOT NULL REFERENCES support_plan (id),
        description text NOT NULL CHECK (description <> ''),
        sort_order  int NOT NULL CHECK (sort_order >= 1)
      );
      CREATE INDEX support_plan_outcome_plan_id_idx ON support_plan_outcome (plan_id, sort_order);

      CREATE TABLE support_plan_provision (
        id           uuid PRIMARY KEY,
        plan_id      uuid NOT NULL REFERENCES support_plan (id),
        what         text NOT NULL CHECK (what <> ''),
        delivered_by text NOT NULL,
        how_often    text NOT NULL,
        sort_order   int NOT NULL CHECK (sort_order >= 1)
      );
      CREATE INDEX support_plan_provision_plan_id_idx ON support_plan_provision (plan_id, sort_order);

      CREATE TABLE support_plan_cycle (
        id              uuid PRIMARY KEY,
        plan_id         uuid NOT NULL REFERENCES support_plan (id),
        assess_date     date NOT NULL,
        plan_date       date NOT NULL,
        do_from_date    date NOT NULL,
        review_date     date,
        review_notes    text,
        next_review_due date NOT NULL,
        CONSTRAINT support_plan_cycle_dates_ordered CHECK (
          assess_date <= plan_date AND plan_date <= do_from_date AND (review_date IS NULL OR do_from_date <= review_date)
        ),
        CONSTRAINT support_plan_cycle_notes_after_review CHECK (review_notes IS NULL OR review_date IS NOT NULL),
        CONSTRAINT support_plan_cycle_next_review_ahead CHECK (next_review_due > COALESCE(review_date, plan_date))
      );
      CREATE INDEX support_plan_cycle_plan_id_idx ON support_plan_cycle (plan_id, plan_date);

      CREATE TABLE radar_assessment (
        id            uuid PRIMARY KEY,
        child_id      uuid NOT NULL,
        assessed_date date NOT NULL,
        completed_by  text NOT NULL,
        -- The setting that completed it.
        school_urn    text CHECK (school_urn ~ ${URN})
      );
      CREATE INDEX radar_assessment_child_id_idx ON radar_assessment (child_id, assessed_date);
      CREATE INDEX radar_assessment_school_urn_idx ON radar_assessment (school_urn);

      CREATE TABLE radar_rating (
        assessment_id  uuid NOT NULL REFERENCES radar_assessment (id),
        domain         text NOT NULL CHECK (domain IN (${DOMAINS})),
        need           smallint NOT NULL CHECK (need BETWEEN 0 AND 4),
        home_readiness smallint CHECK (home_readiness BETWEEN 0 AND 4),
        -- One rating per domain; also the foreign key's index.
        PRIMARY KEY (assessment_id, domain)
      );

      CREATE TABLE setting_readiness (
        id            uuid PRIMARY KEY,
        school_urn    text NOT NULL CHECK (school_urn ~ ${URN}),
        domain        text NOT NULL CHECK (domain IN (${DOMAINS})),
        rating        smallint NOT NULL CHECK (rating BETWEEN 0 AND 4),
        assessed_date date NOT NULL,
        CONSTRAINT setting_readiness_once_a_day UNIQUE (school_urn, domain, assessed_date)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP TABLE setting_readiness; DROP TABLE radar_rating; DROP TABLE radar_assessment; DROP TABLE support_plan_cycle; DROP TABLE support_plan_provision; DROP TABLE support_plan_outcome; DROP TABLE support_plan;',
    );
  }
}
