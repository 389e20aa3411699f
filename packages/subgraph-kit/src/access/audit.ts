import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { Viewer } from '@local-area-graph/trust';
import { queryPrepared } from '@local-area-graph/database';

/**
 * Every read of a child's personal data, kept per request and written before the
 * answer leaves: who, in which role, why, which child, which fields, where, when
 * (NDG data security standard 4: every access attributable to a person).
 */
export class AuditTrail {
  private readonly reads = new Map<string, Set<string>>();

  constructor(
    private readonly viewer: Viewer,
    private readonly subgraph: string,
    private readonly requestId: string,
  ) {}

  record(childId: string, field: string): void {
    let fields = this.reads.get(childId);
    if (!fields) this.reads.set(childId, (fields = new Set()));
    fields.add(field);
  }

  /**
   * A change to a child's record, written inside the mutation's own transaction: the
   * change and its audit row are committed together or not at all.
   */
  async recordWrite(manager: EntityManager, childId: string, fields: readonly string[]): Promise<void> {
    await manager.query(
      `INSERT INTO access_audit (subject, role, purpose, child_id, fields, subgraph, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [this.viewer.subject, this.viewer.role, this.viewer.purpose ?? 'none', childId, fields, this.subgraph, this.requestId],
    );
  }

  get size(): number {
    return this.reads.size;
  }

  /** One INSERT for the whole request, however many children it read. */
  async flush(db: DataSource): Promise<void> {
    if (this.reads.size === 0) return;
    const childIds = [...this.reads.keys()];
    const fields = childIds.map((id) => `{${[...this.reads.get(id)!].map((f) => `"${f}"`).join(',')}}`);
    await queryPrepared(
      db,
      `INSERT INTO access_audit (subject, role, purpose, child_id, fields, subgraph, request_id)
       SELECT $1, $2, $3, child_id, fields::text[], $4, $5 FROM unnest($6::uuid[], $7::text[]) AS r(child_id, fields)`,
      [this.viewer.subject, this.viewer.role, this.viewer.purpose ?? 'none', this.subgraph, this.requestId, childIds, fields],
    );
    this.reads.clear();
  }
}

/**
 * The audit table every subgraph keeps in its own database. Append-only, enforced by
 * the database itself: UPDATE, DELETE and TRUNCATE raise an error whoever runs them.
 */
export class AccessAudit1764200000000 implements MigrationInterface {
  name = 'AccessAudit1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE access_audit (
        id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT clock_timestamp(),
        subject     text        NOT NULL,
        role        text        NOT NULL,
        purpose     text        NOT NULL,
        child_id    uuid        NOT NULL,
        fields      text[]      NOT NULL CHECK (cardinality(fields) > 0),
        subgraph    text        NOT NULL,
        request_id  text        NOT NULL
      );
      CREATE INDEX access_audit_child_idx ON access_audit (child_id, at);
      CREATE INDEX access_audit_subject_idx ON access_audit (subject, at);
      CREATE FUNCTION access_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON access_audit
        FOR EACH ROW EXECUTE FUNCTION access_audit_refuse_change();
      CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
        FOR EACH STATEMENT EXECUTE FUNCTION access_audit_refuse_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE access_audit; DROP FUNCTION access_audit_refuse_change();');
  }
}
