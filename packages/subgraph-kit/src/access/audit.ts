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
    /** The writer to share; the database's own unless a test brings one. */
    private readonly writer?: AuditWriter,
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

  /**
   * Writes the request's reads, and resolves only once they are committed. Requests
   * that finish together share one INSERT (see AuditWriter); each still learns whether
   * its own rows were written.
   */
  async flush(db: DataSource): Promise<void> {
    if (this.reads.size === 0) return;
    const rows: AuditRow[] = [];
    for (const [childId, fields] of this.reads) {
      rows.push({
        subject: this.viewer.subject,
        role: this.viewer.role,
        purpose: this.viewer.purpose ?? 'none',
        childId,
        fields: `{${[...fields].map((f) => `"${f}"`).join(',')}}`,
        subgraph: this.subgraph,
        requestId: this.requestId,
      });
    }
    this.reads.clear();
    await (this.writer ?? auditWriterFor(db)).write(rows);
  }
}

/** One row of access_audit, with `fields` as a PostgreSQL text[] literal. */
export interface AuditRow {
  subject: string;
  role: string;
  purpose: string;
  childId: string;
  fields: string;
  subgraph: string;
  requestId: string;
}

const INSERT_ROWS = `INSERT INTO access_audit (subject, role, purpose, child_id, fields, subgraph, request_id)
  SELECT subject, role, purpose, child_id, fields::text[], subgraph, request_id
    FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[])
      AS r(subject, role, purpose, child_id, fields, subgraph, request_id)`;

/**
 * Group commit for the audit: while two INSERTs are in flight, the requests that finish
 * meanwhile queue, and go together in the next one. Every audit row is a committed
 * write the answer waits for, so under load a subgraph otherwise spent a statement and
 * a WAL flush per request; grouped, many requests share both, and a lone request still
 * goes at once. Two in flight, not one: at 50 concurrent pictures one let each request
 * wait behind a whole commit as well as its own (182 pictures/s with two, 160-166 with one;
 * `pnpm bench:probe --clients 50`). A request's answer waits for the commit that holds its own rows.
 *
 * If a grouped INSERT fails, each request's rows are written alone: one request's
 * unwritable rows never withhold another request's answer.
 */
export class AuditWriter {
  private queue: { rows: AuditRow[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = 0;
  /** How many INSERTs this writer has sent, grouped or alone (what its tests count). */
  inserts = 0;

  /** `inFlight`: how many INSERTs may be under way at once before requests queue. */
  constructor(
    private readonly db: DataSource,
    private readonly inFlight = 2,
  ) {}

  write(rows: AuditRow[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (this.writing < this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing += 1;
    try {
      while (this.queue.length > 0) {
        const group = this.queue;
        this.queue = [];
        try {
          await this.insert(group.flatMap((request) => request.rows));
          for (const request of group) request.resolve();
        } catch (error) {
          if (group.length === 1) {
            group[0]!.reject(error);
            continue;
          }
          await Promise.all(group.map((request) => this.insert(request.rows).then(request.resolve, request.reject)));
        }
      }
    } finally {
      this.writing -= 1;
    }
  }

  private async insert(rows: AuditRow[]): Promise<void> {
    this.inserts += 1;
    const column = <K extends keyof AuditRow>(key: K) => rows.map((row) => row[key]);
    await queryPrepared(this.db, INSERT_ROWS, [
      column('subject'),
      column('role'),
      column('purpose'),
      column('childId'),
      column('fields'),
      column('subgraph'),
      column('requestId'),
    ]);
  }
}

const writers = new WeakMap<DataSource, AuditWriter>();

/** The one audit writer of a subgraph's database (per process), so its requests can share INSERTs. */
export function auditWriterFor(db: DataSource): AuditWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new AuditWriter(db)));
  return writer;
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
