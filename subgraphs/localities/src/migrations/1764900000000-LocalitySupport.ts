import type { MigrationInterface, QueryRunner } from 'typeorm';
import { calendarDays } from '@local-area-graph/working-days';

/**
 * The interventions a locality's coordinated plan chooses from. Kept as data so the
 * locality can add to its menu without a schema change; codes never change meaning.
 */
export const INTERVENTION_MENU: ReadonlyArray<readonly [code: string, name: string, description: string]> = [
  ['PARENTING_PROGRAMME', 'Parenting programme', 'A structured group or one-to-one programme for parents and carers.'],
  ['SPEECH_AND_LANGUAGE', 'Speech and language support', 'Speech, language and communication support, from a therapist or a trained assistant.'],
  ['MENTORING', 'Mentoring', 'Regular time with a trusted adult mentor, in or out of school.'],
  ['TRAUMA_INFORMED_NURTURE', 'Trauma-informed nurture', 'Nurture group or key-adult work that responds to trauma and attachment needs.'],
  ['COUNSELLING', 'Counselling', 'Counselling for the child or young person.'],
  ['PLAY_AND_ART_THERAPY', 'Play and art therapy', 'Therapeutic play, art or creative therapy.'],
  ['MEDIATION', 'Mediation', 'Mediation between the family and the school, or within the family.'],
  ['EXPLOITATION_AND_HARMFUL_BEHAVIOUR', 'Exploitation and harmful behaviour work', 'Work on criminal or sexual exploitation risk and harmful behaviour.'],
  ['FAMILY_SUPPORT', 'Family support work', 'A family support worker working with the whole family at home.'],
  ['ATTENDANCE_SUPPORT', 'Attendance support', 'A plan and a named adult to get the child back into school every day.'],
  ['EDUCATIONAL_PSYCHOLOGY', 'Educational psychology consultation', 'Advice from an educational psychologist to the school and family.'],
  ['YOUTH_WORK', 'Youth work', 'Positive activities and a youth worker in the community.'],
  ['OTHER', 'Other support', 'Support not on the menu; the plan says what.'],
];

/**
 * My World assessments, requests for support to the locality's single point of
 * contact on the 2-working-day clock, the coordinated plan (interventions from the
 * menu, monitoring reviews) and its outcome; with the working-day calendar that lets
 * figures count working days in SQL.
 */
export class LocalitySupport1764900000000 implements MigrationInterface {
  name = 'LocalitySupport1764900000000';

  async up(db: QueryRunner): Promise<void> {
    // The working days of England, one row a day. working_day_number counts working days
    // from the calendar's start (that day included), so working days between two dates
    // are a subtraction, at any scale. A later year is added by a migration of its own.
    const days = calendarDays(2019, 2027);
    await db.query(`
      CREATE TABLE working_day (
        day                date    PRIMARY KEY,
        working            boolean NOT NULL,
        working_day_number integer NOT NULL,
        bank_holiday       text
      );
    `);
    await db.query(
      `INSERT INTO working_day (day, working, working_day_number, bank_holiday)
       SELECT * FROM unnest($1::date[], $2::boolean[], $3::integer[], $4::text[])`,
      [days.map((d) => d.day), days.map((d) => d.working), days.map((d) => d.workingDayNumber), days.map((d) => d.bankHoliday)],
    );

    await db.query(`
      CREATE TABLE intervention_kind (
        code        text     PRIMARY KEY CHECK (code ~ '^[A-Z_]+$'),
        name        text     NOT NULL,
        description text     NOT NULL,
        sort_order  smallint NOT NULL
      );
    `);
    await db.query(
      `INSERT INTO intervention_kind (code, name, description, sort_order)
       SELECT code, name, description, ord FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS m(code, name, description, ord)`,
      [INTERVENTION_MENU.map((m) => m[0]), INTERVENTION_MENU.map((m) => m[1]), INTERVENTION_MENU.map((m) => m[2])],
    );

    await db.query(`
      CREATE TABLE my_world_assessment (
        id                          uuid        PRIMARY KEY,
        child_id                    uuid        NOT NULL REFERENCES child (id),
        school_urn                  text        NOT NULL CHECK (school_urn ~ '^[0-9]{6}$'),
        -- Where the child lived when it was completed: the locality it went to.
        locality_id                 text        NOT NULL REFERENCES locality (id),
        trigger                     text        NOT NULL CHECK (trigger IN ('FIRST_SUSPENSION', 'ALTERNATIVE_PROVISION_CONSIDERED', 'REDUCED_TIMETABLE', 'REQUEST_TO_HOME_EDUCATE', 'OTHER')),
        trigger_detail              text,
        grow_strengths              text        NOT NULL CHECK (length(btrim(grow_strengths)) > 0),
        grow_pressures              text        NOT NULL CHECK (length(btrim(grow_pressures)) > 0),
        care_strengths              text        NOT NULL CHECK (length(btrim(care_strengths)) > 0),
        care_pressures              text        NOT NULL CHECK (length(btrim(care_pressures)) > 0),
        world_strengths             text        NOT NULL CHECK (length(btrim(world_strengths)) > 0),
        world_pressures             text        NOT NULL CHECK (length(btrim(world_pressures)) > 0),
        completed_by                text        NOT NULL CHECK (length(btrim(completed_by)) > 0),
        completed_by_professional_id uuid       REFERENCES professional (id),
        completed_on                date        NOT NULL,
        submitted_by                text        NOT NULL,
        created_at                  timestamptz NOT NULL DEFAULT now(),
        CHECK (trigger <> 'OTHER' OR length(btrim(trigger_detail)) > 0)
      );
      CREATE INDEX my_world_assessment_child_idx ON my_world_assessment (child_id, completed_on);
      CREATE INDEX my_world_assessment_locality_idx ON my_world_assessment (locality_id, completed_on);
      CREATE INDEX my_world_assessment_professional_idx ON my_world_assessment (completed_by_professional_id);

      CREATE TABLE support_request (
        id                  uuid        PRIMARY KEY,
        child_id            uuid        NOT NULL REFERENCES child (id),
        assessment_id       uuid        NOT NULL UNIQUE REFERENCES my_world_assessment (id),
        locality_id         text        NOT NULL REFERENCES locality (id),
        received_at         timestamptz NOT NULL,
        -- The dates in England, tied to the calendar: a date it does not cover is refused.
        received_day        date        NOT NULL GENERATED ALWAYS AS ((received_at AT TIME ZONE 'Europe/London')::date) STORED REFERENCES working_day (day),
        due_at              timestamptz NOT NULL CHECK (due_at > received_at),
        responded_at        timestamptz CHECK (responded_at >= received_at),
        responded_day       date        GENERATED ALWAYS AS ((responded_at AT TIME ZONE 'Europe/London')::date) STORED REFERENCES working_day (day),
        response_notes      text,
        lead_appointment_id uuid        REFERENCES lead_professional_appointment (id),
        outcome             text        CHECK (outcome IN ('NEEDS_MET_ATTENDANCE_IMPROVED', 'NEEDS_MET_READY_TO_LEARN', 'NEEDS_MET_ON_TRACK',
                                                           'JOINT_DECISION_SHORT_TERM_NURTURE', 'JOINT_DECISION_EHC_NEEDS_ASSESSMENT',
                                                           'JOINT_DECISION_SCHOOL_MOVE', 'JOINT_DECISION_ALTERNATIVE_PROVISION')),
        outcome_date        date        REFERENCES working_day (day),
        outcome_notes       text,
        version             integer     NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        CHECK ((responded_at IS NULL) = (lead_appointment_id IS NULL)),
        CHECK ((outcome IS NULL) = (outcome_date IS NULL)),
        CHECK (outcome IS NULL OR (responded_at IS NOT NULL AND outcome_date >= responded_day))
      );
      CREATE INDEX support_request_child_idx ON support_request (child_id, received_at);
      CREATE INDEX support_request_locality_received_idx ON support_request (locality_id, received_day);
      CREATE INDEX support_request_locality_outcome_idx ON support_request (locality_id, outcome_date) WHERE outcome_date IS NOT NULL;
      CREATE INDEX support_request_lead_appointment_idx ON support_request (lead_appointment_id);
      CREATE INDEX support_request_received_day_idx ON support_request (received_day);
      CREATE INDEX support_request_responded_day_idx ON support_request (responded_day);
      CREATE INDEX support_request_outcome_day_idx ON support_request (outcome_date);
      -- One open request per child: a second would be answered twice and counted twice.
      CREATE UNIQUE INDEX support_request_one_open ON support_request (child_id) WHERE outcome IS NULL;

      CREATE TABLE plan_intervention (
        id          uuid        PRIMARY KEY,
        request_id  uuid        NOT NULL REFERENCES support_request (id),
        kind_code   text        NOT NULL REFERENCES intervention_kind (code),
        provider    text        NOT NULL CHECK (length(btrim(provider)) > 0),
        start_date  date        NOT NULL,
        end_date    date        CHECK (end_date >= start_date),
        notes       text,
        added_by    text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX plan_intervention_request_idx ON plan_intervention (request_id, start_date);
      CREATE INDEX plan_intervention_kind_idx ON plan_intervention (kind_code);

      CREATE TABLE monitoring_review (
        id          uuid        PRIMARY KEY,
        request_id  uuid        NOT NULL REFERENCES support_request (id),
        review_date date        NOT NULL,
        progress    text        NOT NULL CHECK (progress IN ('GOOD_PROGRESS', 'SOME_PROGRESS', 'NO_PROGRESS', 'CONCERNS_INCREASED')),
        notes       text,
        reviewed_by text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX monitoring_review_request_idx ON monitoring_review (request_id, review_date);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE monitoring_review; DROP TABLE plan_intervention; DROP TABLE support_request; DROP TABLE my_world_assessment;
      DROP TABLE intervention_kind; DROP TABLE working_day;`);
  }
}
