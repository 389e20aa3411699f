import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startThrowawayDatabase, type SubgraphDatabase, type ThrowawayDatabase } from '@local-area-graph/database';
import type { Viewer } from '@local-area-graph/trust';
import { AccessAudit1764200000000, AuditTrail, AuditWriter } from './audit.js';

// The audit writer on a real PostgreSQL: grouped INSERTs, each request's rows its own.
let throwaway: ThrowawayDatabase;
let database: SubgraphDatabase;
const db = () => database.dataSource;
beforeAll(async () => {
  throwaway = await startThrowawayDatabase('audit', { entities: [], migrations: [AccessAudit1764200000000] });
  database = throwaway.database;
}, 60_000);
afterAll(async () => {
  await throwaway?.stop();
});

const childId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const viewer = (n: number): Viewer => ({
  subject: `lead.${n}@kent.example.org`,
  name: null,
  role: n % 2 ? 'LOCALITY_LEAD' : 'CLINICIAN',
  localityIds: [],
  schoolUrns: [],
  serviceCodes: [],
  partnerId: null,
  purpose: n % 3 ? 'direct-care' : null,
});
/** Request n read children n and n+100, the first with two fields. */
function trailOf(n: number, writer: AuditWriter, child = childId(n)): AuditTrail {
  const trail = new AuditTrail(viewer(n), 'localities', `request-${n}`, writer);
  trail.record(child, 'givenName');
  trail.record(child, 'dateOfBirth');
  trail.record(childId(n + 100), 'nhsNumber');
  return trail;
}
const rowsOf = async (requestId: string) =>
  db().query('SELECT subject, role, purpose, child_id, fields, subgraph FROM access_audit WHERE request_id = $1 ORDER BY child_id', [requestId]);

let statements = 0;
beforeEach(() => {
  statements = database.statements.count;
});

describe('the access audit writer', () => {
  it('writes a lone request at once, in one statement', async () => {
    const writer = new AuditWriter(db());
    await trailOf(1, writer).flush(db());
    expect(writer.inserts).toBe(1);
    expect(database.statements.count - statements).toBe(1);
    expect(await rowsOf('request-1')).toEqual([
      { subject: 'lead.1@kent.example.org', role: 'LOCALITY_LEAD', purpose: 'direct-care', child_id: childId(1), fields: ['givenName', 'dateOfBirth'], subgraph: 'localities' },
      { subject: 'lead.1@kent.example.org', role: 'LOCALITY_LEAD', purpose: 'direct-care', child_id: childId(101), fields: ['nhsNumber'], subgraph: 'localities' },
    ]);
  });

  it('groups the requests that finish while an INSERT is in flight into the next one, each row with its own request', async () => {
    const writer = new AuditWriter(db(), 1);
    // Twelve requests finishing together: the first goes alone, the other eleven wait for it and go as one.
    await Promise.all(Array.from({ length: 12 }, (_, i) => trailOf(10 + i, writer).flush(db())));
    expect(writer.inserts).toBe(2);
    expect(database.statements.count - statements).toBe(2);
    for (let n = 10; n < 22; n++) {
      const rows = await rowsOf(`request-${n}`);
      expect(rows.map((r: { child_id: string }) => r.child_id)).toEqual([childId(n), childId(n + 100)]);
      expect(rows[0]).toMatchObject({ subject: viewer(n).subject, role: viewer(n).role, purpose: viewer(n).purpose ?? 'none', fields: ['givenName', 'dateOfBirth'] });
    }
  });

  it("withholds only the request whose rows cannot be written: a group that fails is written request by request", async () => {
    const writer = new AuditWriter(db(), 1);
    const first = trailOf(30, writer).flush(db());
    // In the group behind it, request 32 read a child id PostgreSQL cannot take as a uuid.
    const group = [31, 32, 33].map((n) => trailOf(n, writer, n === 32 ? 'not-a-child-id' : childId(n)).flush(db()));
    await first;
    const settled = await Promise.allSettled(group);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await rowsOf('request-31')).length).toBe(2);
    expect((await rowsOf('request-33')).length).toBe(2);
    // Nothing half-written: not even request 32's valid row.
    expect(await rowsOf('request-32')).toEqual([]);
    // The first alone, the failed group of three, then each of the three alone.
    expect(writer.inserts).toBe(5);
  });

  it('lets two INSERTs be in flight before requests queue', async () => {
    const writer = new AuditWriter(db());
    await Promise.all(Array.from({ length: 12 }, (_, i) => trailOf(60 + i, writer).flush(db())));
    // The first two alone, at once; the ten behind them together.
    expect(writer.inserts).toBe(3);
    for (let n = 60; n < 72; n++) expect((await rowsOf(`request-${n}`)).length).toBe(2);
  });

  it('a lone request that cannot be written fails, and the writer goes on', async () => {
    const writer = new AuditWriter(db());
    await expect(trailOf(40, writer, 'not-a-child-id').flush(db())).rejects.toThrow(/uuid/);
    await trailOf(41, writer).flush(db());
    expect((await rowsOf('request-41')).length).toBe(2);
  });

  it('a request that read nothing writes nothing', async () => {
    const writer = new AuditWriter(db());
    await new AuditTrail(viewer(50), 'localities', 'request-50', writer).flush(db());
    expect(writer.inserts).toBe(0);
    expect(database.statements.count - statements).toBe(0);
  });
});
