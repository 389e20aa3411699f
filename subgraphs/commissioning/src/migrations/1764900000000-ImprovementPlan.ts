import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const KINDS = "'EHC_PLANS_ISSUED_WITHIN_20_WEEKS', 'WAITING_52_WEEKS_OR_MORE', 'WAITING_UNDER_18_WEEKS', 'SUSPENSIONS_OF_PUPILS_WITH_SEN'";
const SERVICE_KINDS = "'WAITING_52_WEEKS_OR_MORE', 'WAITING_UNDER_18_WEEKS'";
const RAG = "'RED', 'AMBER', 'GREEN'";

/**
 * A local area's SEND improvement plan: workstreams, the areas of weakness under them,
 * measures bound to figures other subgraphs own, targets, action-plan lines and their
 * RAG history, and who sits on the board. Localities are named by id only: they
 * belong to the localities subgraph's database. Targets and RAG changes are history:
 * the database refuses to change or delete them.
 */
export class ImprovementPlan1764900000000 implements MigrationInterface {
  name = 'ImprovementPlan1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workstream (
        id              uuid PRIMARY KEY,
        local_area_code text NOT NULL CHECK (local_area_code ~ '^[EWSN][0-9]{8}$'),
        letter          text NOT NULL CHECK (letter ~ '^[A-Z]$'),
        title           text NOT NULL CHECK (btrim(title) <> ''),
        lead            text NOT NULL CHECK (btrim(lead) <> '')
      );
      -- An area's workstreams in letter order, each letter once.
      CREATE UNIQUE INDEX workstream_area_letter_idx ON workstream (local_area_code, letter);

      CREATE TABLE area_of_weakness (
        id            uuid     PRIMARY KEY,
        workstream_id uuid     NOT NULL REFERENCES workstream (id),
        number        smallint NOT NULL CHECK (number >= 1),
        description   text     NOT NULL CHECK (btrim(description) <> '')
      );
      CREATE UNIQUE INDEX area_of_weakness_workstream_number_idx ON area_of_weakness (workstream_id, number);

      CREATE TABLE measure (
        id                  uuid     PRIMARY KEY,
        workstream_id       uuid     NOT NULL REFERENCES workstream (id),
        area_of_weakness_id uuid     REFERENCES area_of_weakness (id),
        name                text     NOT NULL CHECK (btrim(name) <> ''),
        kind                text     NOT NULL CHECK (kind IN (${KINDS})),
        service_code        text,
        sort_order          smallint NOT NULL,
        -- A waiting-time measure names its service; no other kind does.
        CONSTRAINT measure_service_for_waits CHECK ((kind IN (${SERVICE_KINDS})) = (service_code IS NOT NULL))
      );
      CREATE UNIQUE INDEX measure_workstream_order_idx ON measure (workstream_id, sort_order);
      CREATE INDEX measure_area_of_weakness_idx ON measure (area_of_weakness_id);

      CREATE TABLE measure_target (
        id              uuid             PRIMARY KEY,
        measure_id      uuid             NOT NULL REFERENCES measure (id),
        locality_id     text             CHECK (locality_id ~ '^[a-z0-9][a-z0-9-]*$'),
        value           double precision NOT NULL CHECK (value >= 0),
        amber_threshold double precision NOT NULL CHECK (amber_threshold >= 0),
        direction       text             NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
        by_date         date             NOT NULL,
        reason          text             NOT NULL CHECK (btrim(reason) <> ''),
        set_by          text             NOT NULL,
        set_by_name     text             NOT NULL,
        set_at          timestamptz      NOT NULL DEFAULT clock_timestamp(),
        -- Amber lies between the target and red: below it when higher is better, above it when lower is.
        CONSTRAINT measure_target_amber_on_the_near_side CHECK (
          (direction = 'HIGHER_IS_BETTER' AND amber_threshold <= value) OR (direction = 'LOWER_IS_BETTER' AND amber_threshold >= value)
        )
      );
      -- The current target of a measure for the area (locality null) or one locality: the latest set.
      CREATE INDEX measure_target_current_idx ON measure_target (measure_id, locality_id, set_at DESC);

      CREATE TABLE action_plan_line (
        id                  uuid        PRIMARY KEY,
        workstream_id       uuid        NOT NULL REFERENCES workstream (id),
        area_of_weakness_id uuid        REFERENCES area_of_weakness (id),
        locality_id         text        CHECK (locality_id ~ '^[a-z0-9][a-z0-9-]*$'),
        sort_order          smallint    NOT NULL,
        recommendation      text        NOT NULL CHECK (btrim(recommendation) <> ''),
        how                 text        NOT NULL CHECK (btrim(how) <> ''),
        who                 text        NOT NULL CHECK (btrim(who) <> ''),
        by_when             date        NOT NULL,
        impact_measure      text        NOT NULL CHECK (btrim(impact_measure) <> ''),
        rag                 text        NOT NULL CHECK (rag IN (${RAG})),
        commentary          text        NOT NULL CHECK (btrim(commentary) <> ''),
        updated_at          timestamptz NOT NULL,
        updated_by_name     text        NOT NULL,
        version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1)
      );
      CREATE UNIQUE INDEX action_plan_line_workstream_order_idx ON action_plan_line (workstream_id, sort_order);
      CREATE INDEX action_plan_line_area_of_weakness_idx ON action_plan_line (area_of_weakness_id);
      CREATE INDEX action_plan_line_locality_idx ON action_plan_line (locality_id);

      CREATE TABLE rag_change (
        id              uuid        PRIMARY KEY,
        line_id         uuid        NOT NULL REFERENCES action_plan_line (id),
        from_rag        text        CHECK (from_rag IN (${RAG})),
        to_rag          text        NOT NULL CHECK (to_rag IN (${RAG})),
        commentary      text        NOT NULL CHECK (btrim(commentary) <> ''),
        changed_by      text        NOT NULL,
        changed_by_name text        NOT NULL,
        changed_at      timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX rag_change_line_idx ON rag_change (line_id, changed_at);

      CREATE TABLE board_member (
        id              uuid        PRIMARY KEY,
        local_area_code text        NOT NULL CHECK (local_area_code ~ '^[EWSN][0-9]{8}$'),
        subject         text        NOT NULL CHECK (btrim(subject) <> ''),
        name            text        NOT NULL CHECK (btrim(name) <> ''),
        role_on_board   text        NOT NULL CHECK (btrim(role_on_board) <> ''),
        appointed_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        ended_at        timestamptz,
        CONSTRAINT board_member_ends_after_appointment CHECK (ended_at IS NULL OR ended_at >= appointed_at)
      );
      -- A person sits on an area's board once at a time; this also answers "may they write?".
      CREATE UNIQUE INDEX board_member_current_idx ON board_member (local_area_code, subject) WHERE ended_at IS NULL;
      CREATE INDEX board_member_area_idx ON board_member (local_area_code, appointed_at);

      -- Targets and RAG changes are the plan's history: kept, never rewritten.
      CREATE FUNCTION improvement_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is history and append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER measure_target_append_only BEFORE UPDATE OR DELETE ON measure_target
        FOR EACH ROW EXECUTE FUNCTION improvement_history_refuse_change();
      CREATE TRIGGER measure_target_no_truncate BEFORE TRUNCATE ON measure_target
        FOR EACH STATEMENT EXECUTE FUNCTION improvement_history_refuse_change();
      CREATE TRIGGER rag_change_append_only BEFORE UPDATE OR DELETE ON rag_change
        FOR EACH ROW EXECUTE FUNCTION improvement_history_refuse_change();
      CREATE TRIGGER rag_change_no_truncate BEFORE TRUNCATE ON rag_change
        FOR EACH STATEMENT EXECUTE FUNCTION improvement_history_refuse_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE board_member; DROP TABLE rag_change; DROP TABLE action_plan_line; DROP TABLE measure_target;
      DROP TABLE measure; DROP TABLE area_of_weakness; DROP TABLE workstream; DROP FUNCTION improvement_history_refuse_change();
    `);
  }
}
