import path from 'node:path';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateLocalSigningKey, type LocalSigningKey, type TrustSettings } from '@local-area-graph/trust';

/** Where `pnpm start` keeps its development signing key: inside the (git-ignored) data folder. */
export const keyFolder = (dataDir: string) => path.join(dataDir, 'keys');

/**
 * Trust for `pnpm start`: an identity provider's JWKS when AUTH_JWKS_URL is set,
 * otherwise the local development key (created on first run) that `pnpm -s run token` signs with.
 */
export async function localTrust(
  dataDir: string,
  env: { AUTH_ISSUER?: string; AUTH_AUDIENCE?: string; AUTH_JWKS_URL?: string },
): Promise<{ settings: TrustSettings; key: LocalSigningKey | null }> {
  if (env.AUTH_JWKS_URL) {
    if (!env.AUTH_ISSUER || !env.AUTH_AUDIENCE) throw new Error('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE too.');
    return { settings: { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, keys: { jwksUrl: env.AUTH_JWKS_URL } }, key: null };
  }
  const key = await loadOrCreateLocalSigningKey(keyFolder(dataDir));
  return { settings: { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: key.jwks } }, key };
}
