import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, ROLES, loadOrCreateLocalSigningKey, signToken } from '@local-area-graph/trust';
import { keyFolder } from './local-trust.js';

// `pnpm -s run token --role LOCALITY_LEAD --locality dartford` prints a token signed with
// the local development key of `pnpm start` (created in DATA_DIR/keys on first use).
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const usage = `Usage: pnpm -s run token --role ROLE [--locality ID]... [--school URN]... [--service CODE]... [--partner ID] [--sub NAME] [--name "Full Name"] [--ttl SECONDS]
Roles: ${ROLES.join(', ')}`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      locality: { type: 'string', multiple: true, default: [] },
      school: { type: 'string', multiple: true, default: [] },
      service: { type: 'string', multiple: true, default: [] },
      partner: { type: 'string' },
      sub: { type: 'string', default: process.env.USER ?? 'developer' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`);
  process.exit(2);
}
if (values.help || !values.role) {
  process.stderr.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}
try {
  const key = await loadOrCreateLocalSigningKey(keyFolder(process.env.DATA_DIR ?? path.join(REPO_ROOT, '.data')));
  const token = await signToken(
    key.privateKey,
    key.kid,
    {
      sub: values.sub!,
      name: values.name,
      role: values.role as never,
      localities: values.locality,
      schools: values.school,
      services: values.service,
      partner: values.partner,
    },
    { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, ttlSeconds: Number(values.ttl) },
  );
  process.stdout.write(`${token}\n`);
} catch (error) {
  const issues = (error as { issues?: { path: string[]; message: string }[] }).issues;
  process.stderr.write(`${issues ? issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n') : (error as Error).message}\n${usage}\n`);
  process.exit(2);
}
