import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const REASON_CODES = "'PP', 'PA', 'VP', 'VA', 'BU', 'RA', 'AB', 'AD', 'SM', 'DA', 'DB', 'TH', 'PD', 'MT', 'WP'";
const NEED_TYPES = "'SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA'";

/**
 * Schools and what they record about their pupils: enrolments, termly attendance,
 * suspensions and exclusions, and SEN provision. Children are named by their platform
 * id only (no foreign key): the child register lives in the localities service's database.
 */
export class SchoolRecords1764100000000 implements MigrationInterface {
  name = 'SchoolRecords1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE school (
        urn                  text     PRIMARY KEY CHECK (urn ~ '^[1-9][0-9]{5}$'),
        name                 text     NOT NULL,
        phase                text     NOT NULL CHECK (phase IN ('NURSERY', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL', 'ALTERNATIVE_PROVISION')),
        type                 text     NOT NULL CHECK (type IN ('LA_MAINTAINED', 'ACADEMY', 'FREE_SCHOOL', 'SPECIAL_SCHOOL', 'PUPIL_REFERRAL_UNIT', 'INDEPENDENT')),
        establishment_number text     NOT NULL CHECK (establishment_number ~ '^[0-9]{4}$'),
        la_number            smallint NOT NULL CHECK (la_number BETWEEN 100 AND 999),
        local_area_code      text     NOT NULL CHECK (local_area_code ~ '^[EWSN][0-9]{8}$'),
        locality_id          text     NOT NULL,
        statutory_low_age    smallint NOT NULL CHECK (statutory_low_age BETWEEN 0 AND 25),
        statutory_high_age   smallint NOT NULL CHECK (statutory_high_age BETWEEN 0 AND 25),
        CONSTRAINT school_ages_ordered CHECK (statutory_low_age <= statutory_high_age)
      );
      -- Schools of a locality by name (Locality.schools), and of the whole area by name.
      CREATE INDEX school_locality_name_idx ON school (locality_id, name, urn);
      CREATE INDEX school_name_idx ON school (name, urn);
      CREATE INDEX school_local_area_code_idx ON school (local_area_code);

      CREATE TABLE enrolment (
        id         uuid PRIMARY KEY,
        child_id   uuid NOT NULL,
        school_urn text NOT NULL REFERENCES school (urn),
        start_date date NOT NULL,
        end_date   date,
        CONSTRAINT enrolment_dates_ordered CHECK (end_date IS NULL OR end_date >= start_date)
      );
      CREATE INDEX enrolment_child_id_idx ON enrolment (child_id, start_date);
      -- The foreign key, and current enrolments that have a leaving date still to come.
      CREATE INDEX enrolment_school_urn_idx ON enrolment (school_urn, end_date);
      -- A school's roll page by page (School.pupils), and no child on one roll twice at once.
      CREATE UNIQUE INDEX enrolment_current_by_school_idx ON enrolment (school_urn, child_id) WHERE end_date IS NULL;

      CREATE TABLE term_attendance (
        id                   uuid    PRIMARY KEY,
        child_id             uuid    NOT NULL,
        school_urn           text    NOT NULL REFERENCES school (urn),
        academic_year        text    NOT NULL,
        term                 text    NOT NULL CHECK (term IN ('AUTUMN', 'SPRING', 'SUMMER')),
        sessions_possible    integer NOT NULL CHECK (sessions_possible >= 0),
        authorised_absence   integer NOT NULL CHECK (authorised_absence >= 0),
        unauthorised_absence integer NOT NULL CHECK (unauthorised_absence >= 0),
        CONSTRAINT term_attendance_academic_year_format CHECK (
          academic_year ~ '^[0-9]{4}/[0-9]{2}$'
          AND (left(academic_year, 4)::int + 1) % 100 = right(academic_year, 2)::int
        ),
        CONSTRAINT term_attendance_absence_within_possible CHECK (authorised_absence + unauthorised_absence <= sessions_possible)
      );
      -- One row per child, term and school; it also serves lookups by child_id.
      CREATE UNIQUE INDEX term_attendance_child_term_school_idx ON term_attendance (child_id, academic_year, term, school_urn);
      CREATE INDEX term_attendance_school_urn_idx ON term_attendance (school_urn, academic_year, term);

      CREATE TABLE suspension (
        id         uuid    PRIMARY KEY,
        child_id   uuid    NOT NULL,
        school_urn text    NOT NULL REFERENCES school (urn),
        category   text    NOT NULL CHECK (category IN ('PERM', 'FIXD', 'LNCH')),
        start_date date    NOT NULL,
        sessions   integer NOT NULL CHECK (sessions >= 0),
        reasons    text[]  NOT NULL,
        CONSTRAINT suspension_one_to_three_reasons CHECK (cardinality(reasons) BETWEEN 1 AND 3 AND array_position(reasons, NULL) IS NULL),
        CONSTRAINT suspension_reason_codes_known CHECK (reasons <@ ARRAY[${REASON_CODES}]::text[])
      );
      CREATE INDEX suspension_child_id_idx ON suspension (child_id, start_date);
      CREATE INDEX suspension_school_urn_idx ON suspension (school_urn, start_date);

      CREATE TABLE sen_provision (
        id             uuid    PRIMARY KEY,
        child_id       uuid    NOT NULL,
        school_urn     text    NOT NULL REFERENCES school (urn),
        provision      char(1) NOT NULL CHECK (provision IN ('N', 'K', 'E')),
        primary_need   text    CHECK (primary_need IN (${NEED_TYPES})),
        secondary_need text    CHECK (secondary_need IN (${NEED_TYPES})),
        start_date     date    NOT NULL,
        end_date       date,
        -- No SEN means no need types; SEN support or an EHC plan needs a primary need.
        CONSTRAINT sen_provision_needs_match_provision CHECK (
          (provision = 'N' AND primary_need IS NULL AND secondary_need IS NULL)
          OR (provision IN ('K', 'E') AND primary_need IS NOT NULL)
        ),
        CONSTRAINT sen_provision_secondary_differs CHECK (secondary_need IS NULL OR secondary_need <> primary_need),
        -- NSA (no specialist assessment) exists only with SEN support.
        CONSTRAINT sen_provision_nsa_only_with_sen_support CHECK (
          provision = 'K' OR (primary_need IS DISTINCT FROM 'NSA' AND secondary_need IS DISTINCT FROM 'NSA')
        ),
        CONSTRAINT sen_provision_dates_ordered CHECK (end_date IS NULL OR end_date >= start_date)
      );
      CREATE INDEX sen_provision_child_id_idx ON sen_provision (child_id, start_date);
      CREATE INDEX sen_provision_school_urn_idx ON sen_provision (school_urn, provision);
      -- At most one open-ended SEN status per child.
      CREATE UNIQUE INDEX sen_provision_one_current_idx ON sen_provision (child_id) WHERE end_date IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sen_provision; DROP TABLE suspension; DROP TABLE term_attendance; DROP TABLE enrolment; DROP TABLE school;');
  }
}
