import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const NEED_TYPES = "'SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH'";
const REQUESTERS = "'PARENT', 'YOUNG_PERSON', 'SCHOOL', 'HEALTH', 'OTHER'";
const EXCEPTIONS =
  "'SCHOOL_CLOSURE_PERIOD', 'EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_CHILD', 'EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_PARENT', 'ABSENT_FROM_AREA', 'APPOINTMENT_MISSED'";
const CEASE_REASONS =
  "'MAXIMUM_AGE', 'NEEDS_MET_WITHOUT_PLAN', 'HIGHER_EDUCATION', 'PAID_EMPLOYMENT', 'TRANSFERRED_TO_ANOTHER_LA', 'NO_LONGER_ENGAGING', 'MOVED_OUTSIDE_ENGLAND', 'DECEASED', 'OTHER'";

/**
 * The local authority's SEND casework, shaped like the DfE SEN2 person-level return:
 * EHC needs assessment requests, EHC plans and their annual reviews. Children are
 * named by platform id only (no foreign key): the register lives in the localities
 * service's database, the schools in the schools service's.
 */
export class SendRecords1764400000000 implements MigrationInterface {
  name = 'SendRecords1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ehc_request (
        id                               uuid PRIMARY KEY,
        child_id                         uuid NOT NULL,
        -- Where the child lived when the request came in, so area figures never move
        -- when a family moves later.
        locality_id                      text NOT NULL,
        local_area_code                  text NOT NULL CHECK (local_area_code ~ '^[EWSN][0-9]{8}$'),
        received_date                    date NOT NULL,
        requested_by                     text NOT NULL CHECK (requested_by IN (${REQUESTERS})),
        decision                         char(1) NOT NULL CHECK (decision IN ('Y', 'N', 'A', 'W')),
        decision_date                    date,
        health_advice_requested_date     date,
        health_advice_received_date      date,
        social_care_advice_requested_date date,
        social_care_advice_received_date date,
        plan_decision                    text CHECK (plan_decision IN ('ISSUE', 'NO_PLAN')),
        notice_date                      date,
        final_plan_date                  date,
        exception                        text CHECK (exception IN (${EXCEPTIONS})),
        withdrawn_date                   date,
        -- A decision is dated once made; pending and withdrawn-before-decision have none.
        CONSTRAINT ehc_request_decision_dated CHECK ((decision IN ('Y', 'N')) = (decision_date IS NOT NULL)),
        CONSTRAINT ehc_request_decision_after_receipt CHECK (decision_date IS NULL OR decision_date >= received_date),
        CONSTRAINT ehc_request_withdrawal CHECK (
          (decision <> 'W' OR withdrawn_date IS NOT NULL)
          AND (withdrawn_date IS NULL OR (decision IN ('W', 'Y') AND final_plan_date IS NULL AND plan_decision IS NULL AND withdrawn_date >= received_date))
        ),
        CONSTRAINT ehc_request_health_advice_ordered CHECK (
          (health_advice_requested_date IS NULL OR health_advice_requested_date >= received_date)
          AND (health_advice_received_date IS NULL OR (health_advice_requested_date IS NOT NULL AND health_advice_received_date >= health_advice_requested_date))
        ),
        CONSTRAINT ehc_request_social_care_advice_ordered CHECK (
          (social_care_advice_requested_date IS NULL OR social_care_advice_requested_date >= received_date)
          AND (social_care_advice_received_date IS NULL OR (social_care_advice_requested_date IS NOT NULL AND social_care_advice_received_date >= social_care_advice_requested_date))
        ),
        -- Only an assessed request has an outcome; the outcome is dated (draft or notice).
        CONSTRAINT ehc_request_plan_decision_after_assessment CHECK (plan_decision IS NULL OR decision = 'Y'),
        CONSTRAINT ehc_request_notice_dated CHECK ((plan_decision IS NULL) = (notice_date IS NULL)),
        CONSTRAINT ehc_request_notice_after_decision CHECK (notice_date IS NULL OR notice_date >= decision_date),
        CONSTRAINT ehc_request_final_plan CHECK (
          final_plan_date IS NULL OR (plan_decision = 'ISSUE' AND final_plan_date >= notice_date)
        )
      );
      CREATE INDEX ehc_request_child_id_idx ON ehc_request (child_id, received_date);
      -- Timeliness by month of issue, for a locality or the whole area.
      CREATE INDEX ehc_request_locality_final_idx ON ehc_request (locality_id, final_plan_date);
      CREATE INDEX ehc_request_area_final_idx ON ehc_request (local_area_code, final_plan_date);
      -- Open requests by week band.
      CREATE INDEX ehc_request_locality_received_idx ON ehc_request (locality_id, received_date);
      CREATE INDEX ehc_request_area_received_idx ON ehc_request (local_area_code, received_date);

      CREATE TABLE ehc_plan (
        id              uuid PRIMARY KEY,
        child_id        uuid NOT NULL,
        -- Empty for a plan transferred in from another local authority.
        request_id      uuid REFERENCES ehc_request (id),
        start_date      date NOT NULL,
        primary_need    text NOT NULL CHECK (primary_need IN (${NEED_TYPES})),
        secondary_need  text CHECK (secondary_need IN (${NEED_TYPES})),
        -- The school or setting named in section I; empty while none is named.
        placement_urn   text CHECK (placement_urn ~ '^[1-9][0-9]{5}$'),
        cease_date      date,
        cease_reason    text CHECK (cease_reason IN (${CEASE_REASONS})),
        CONSTRAINT ehc_plan_needs_differ CHECK (secondary_need IS NULL OR secondary_need <> primary_need),
        CONSTRAINT ehc_plan_ceased_with_reason CHECK ((cease_date IS NULL) = (cease_reason IS NULL)),
        CONSTRAINT ehc_plan_dates_ordered CHECK (cease_date IS NULL OR cease_date >= start_date)
      );
      CREATE INDEX ehc_plan_child_id_idx ON ehc_plan (child_id, start_date);
      -- One plan per request, and the foreign key's index.
      CREATE UNIQUE INDEX ehc_plan_request_id_idx ON ehc_plan (request_id);
      -- Plans naming a school (School.ehcPlansNamingIt, the SENCO's access rule).
      CREATE INDEX ehc_plan_placement_urn_idx ON ehc_plan (placement_urn, cease_date);

      CREATE TABLE annual_review (
        id            uuid PRIMARY KEY,
        plan_id       uuid NOT NULL REFERENCES ehc_plan (id),
        meeting_date  date NOT NULL,
        outcome       char(1) NOT NULL CHECK (outcome IN ('A', 'C', 'M'))
      );
      CREATE INDEX annual_review_plan_id_idx ON annual_review (plan_id, meeting_date);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE annual_review; DROP TABLE ehc_plan; DROP TABLE ehc_request;');
  }
}
