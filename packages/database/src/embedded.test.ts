import { mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.js';

describe('embedded PostgreSQL', () => {
  it('starts a real server, creates a database, keeps data across restarts, and stops', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lag-db-'));
    const dataDir = path.join(root, 'cluster');
    const first = await startEmbeddedPostgres({ dataDir, persistent: true });
    await first.ensureDatabase('probe');
    await first.ensureDatabase('probe'); // idempotent
    let client = new pg.Client({ connectionString: first.urlFor('probe') });
    await client.connect();
    const version = await client.query('SHOW server_version');
    expect(Number.parseInt(version.rows[0].server_version, 10)).toBeGreaterThanOrEqual(16);
    await client.query('CREATE TABLE kept (n int)');
    await client.query('INSERT INTO kept VALUES (42)');
    await client.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, persistent: false });
    client = new pg.Client({ connectionString: second.urlFor('probe') });
    await client.connect();
    expect((await client.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
    expect((await client.query('SELECT inet_server_addr()::text AS address')).rows).toEqual([{ address: '127.0.0.1/32' }]);
    await client.end();
    // The platform's own connections: the same database through the Unix socket (no server address).
    client = new pg.Client({ connectionString: second.socketUrlFor('probe') });
    await client.connect();
    expect((await client.query('SELECT n, inet_server_addr() AS address FROM kept')).rows).toEqual([{ n: 42, address: null }]);
    await client.end();
    await second.stop();
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
