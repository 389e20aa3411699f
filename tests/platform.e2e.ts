import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '@local-area-graph/database';
import { startTestPlatform } from '@local-area-graph/test-kit';

const REPO = fileURLToPath(new URL('../', import.meta.url));

/** Is any process still running PostgreSQL on this data directory? */
function postgresRunningOn(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  return existsSync(pidFile);
}

describe('pnpm start', () => {
  it('brings everything up, prints the gateway URL, answers, and SIGTERM leaves no PostgreSQL running', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lag-start-'));
    const [gatewayPort, localitiesPort, schoolsPort] = [await freePort(), await freePort(), await freePort()];
    // Every other subgraph on a free port too, so that nothing else on this machine holding a default port gets in the way.
    const otherPorts: Record<string, string> = {};
    for (const name of ['SEND', 'HEALTH', 'COMMISSIONING']) otherPorts[`${name}_PORT`] = String(await freePort());
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/platform/src/cli.ts', '--children', '120'], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dataDir, GATEWAY_PORT: String(gatewayPort), LOCALITIES_PORT: String(localitiesPort), SCHOOLS_PORT: String(schoolsPort), ...otherPorts, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!output.includes('Local Area Graph is running') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain(`Gateway:   http://localhost:${gatewayPort}/graphql`);
      expect(postgresRunningOn(path.join(dataDir, 'postgres'))).toBe(true);
      // The local signing key was created in the data folder, and the token command signs with it.
      expect(existsSync(path.join(dataDir, 'keys', 'signing-key.json'))).toBe(true);
      const token = await new Promise<string>((resolve, reject) => {
        const cli = spawn(process.execPath, ['--import', 'tsx', 'packages/platform/src/token-cli.ts', '--role', 'ADMIN', '--sub', 'start.test'], { cwd: REPO, env: { ...process.env, DATA_DIR: dataDir } });
        let out = '';
        cli.stdout.on('data', (chunk) => (out += chunk));
        cli.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`token exited ${code}`))));
      });
      const response = await fetch(`http://localhost:${gatewayPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'direct-care' },
        body: JSON.stringify({ query: '{ children(first: 1) { totalCount } }' }),
      });
      expect(await response.json()).toEqual({ data: { children: { totalCount: 120 } } });
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(postgresRunningOn(path.join(dataDir, 'postgres'))).toBe(false);
    // The data stays for the next run.
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    await rm(dataDir, { recursive: true, force: true });
  }, 90_000);
});

describe('an external PostgreSQL per subgraph', () => {
  it('<NAME>_DATABASE_URL puts that subgraph in its own database server', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lag-external-'));
    const external = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), persistent: false });
    await external.ensureDatabase('schools_agency');
    const kit = await startTestPlatform({ demo: { children: 80, seed: 9 }, databaseUrls: { schools: external.urlFor('schools_agency') } });
    try {
      const client = new pg.Client({ connectionString: external.urlFor('schools_agency') });
      await client.connect();
      const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM school')).rows;
      await client.end();
      expect(count).toBeGreaterThan(0);
      // The embedded server holds no schools database: nothing of that agency's data is there.
      const embedded = new pg.Client({ connectionString: kit.platform.postgres!.urlFor('postgres') });
      await embedded.connect();
      const databases = (await embedded.query('SELECT datname FROM pg_database')).rows.map((r: { datname: string }) => r.datname);
      await embedded.end();
      expect(databases).toContain('localities');
      expect(databases).not.toContain('schools');
      expect((await kit.gateway.data('{ schools { urn } }')).schools.length).toBe(count);
    } finally {
      await kit.stop();
      await external.stop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
