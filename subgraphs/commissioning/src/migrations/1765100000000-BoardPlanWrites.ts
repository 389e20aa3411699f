import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written out, not imported: a migration must read the same forever.
const CHANGES =
  "'WORKSTREAM_CREATED', 'WORKSTREAM_UPDATED', 'WORKSTREAM_RETIRED', 'AREA_OF_WEAKNESS_ADDED', 'AREA_OF_WEAKNESS_RETIRED', 'MEASURE_ADDED', 'MEASURE_RETIRED', 'ACTION_PLAN_LINE_ADDED', 'ACTION_PLAN_LINE_CLOSED'";

/**
 * A board runs its own plan: it creates workstreams, areas of weakness, measures and
 * action-plan lines, and retires or closes them. Nothing is deleted: a retired item is
 * kept (retired_at) so that its targets and RAG history still mean something, and a
 * letter or a weakness number is unique among the current items only, so that a board
 * may reuse one it retired. Every change to the plan's shape is kept in plan_change,
 * append-only like the targets and RAG history.
 */
export class BoardPlanWrites1765100000000 implements MigrationInterface {
  name = 'BoardPlanWrites1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE workstream
        ADD COLUMN description text CHECK (btrim(description) <> ''),
        ADD COLUMN version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN retired_at  timestamptz,
        -- A board may start a workstream before it names who leads it.
        ALTER COLUMN lead DROP NOT NULL;
      DROP INDEX workstream_area_letter_idx;
      CREATE UNIQUE INDEX workstream_area_current_letter_idx ON workstream (local_area_code, letter) WHERE retired_at IS NULL;
      CREATE INDEX workstream_area_idx ON workstream (local_area_code, letter);

      ALTER TABLE area_of_weakness ADD COLUMN retired_at timestamptz;
      DROP INDEX area_of_weakness_workstream_number_idx;
      CREATE UNIQUE INDEX area_of_weakness_current_number_idx ON area_of_weakness (workstream_id, number) WHERE retired_at IS NULL;
      CREATE INDEX area_of_weakness_workstream_idx ON area_of_weakness (workstream_id, number);

      ALTER TABLE measure ADD COLUMN retired_at timestamptz;

      ALTER TABLE action_plan_line
        ADD COLUMN impact_measure_id uuid REFERENCES measure (id),
        ADD COLUMN status            text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'COMPLETED', 'DROPPED')),
        ADD COLUMN closed_at         timestamptz,
        ADD COLUMN closed_reason     text CHECK (btrim(closed_reason) <> ''),
        ADD COLUMN closed_by_name    text,
        -- A closed line says when, why and by whom; an open one none of these.
        ADD CONSTRAINT action_plan_line_closed_says_why CHECK (
          (status = 'OPEN') = (closed_at IS NULL) AND (closed_at IS NULL) = (closed_reason IS NULL) AND (closed_at IS NULL) = (closed_by_name IS NULL)
        );
      CREATE INDEX action_plan_line_impact_measure_idx ON action_plan_line (impact_measure_id);

      CREATE TABLE plan_change (
        id              uuid        PRIMARY KEY,
        local_area_code text        NOT NULL CHECK (local_area_code ~ '^[EWSN][0-9]{8}$'),
        change          text        NOT NULL CHECK (change IN (${CHANGES})),
        item_id         uuid        NOT NULL,
        summary         text        NOT NULL CHECK (btrim(summary) <> ''),
        reason          text        CHECK (btrim(reason) <> ''),
        changed_by      text        NOT NULL,
        changed_by_name text        NOT NULL,
        changed_at      timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX plan_change_area_idx ON plan_change (local_area_code, changed_at DESC);
      CREATE INDEX plan_change_item_idx ON plan_change (item_id);
      CREATE TRIGGER plan_change_append_only BEFORE UPDATE OR DELETE ON plan_change
        FOR EACH ROW EXECUTE FUNCTION improvement_history_refuse_change();
      CREATE TRIGGER plan_change_no_truncate BEFORE TRUNCATE ON plan_change
        FOR EACH STATEMENT EXECUTE FUNCTION improvement_history_refuse_change();
    `);
  }

  // Refused once a board has made a workstream without a lead, or reused a letter or number.
  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE plan_change;
      DROP INDEX action_plan_line_impact_measure_idx;
      ALTER TABLE action_plan_line DROP CONSTRAINT action_plan_line_closed_says_why,
        DROP COLUMN closed_by_name, DROP COLUMN closed_reason, DROP COLUMN closed_at, DROP COLUMN status, DROP COLUMN impact_measure_id;
      ALTER TABLE measure DROP COLUMN retired_at;
      DROP INDEX area_of_weakness_workstream_idx; DROP INDEX area_of_weakness_current_number_idx;
      CREATE UNIQUE INDEX area_of_weakness_workstream_number_idx ON area_of_weakness (workstream_id, number);
      ALTER TABLE area_of_weakness DROP COLUMN retired_at;
      DROP INDEX workstream_area_idx; DROP INDEX workstream_area_current_letter_idx;
      CREATE UNIQUE INDEX workstream_area_letter_idx ON workstream (local_area_code, letter);
      ALTER TABLE workstream ALTER COLUMN lead SET NOT NULL, DROP COLUMN retired_at, DROP COLUMN version, DROP COLUMN description;
    `);
  }
}
