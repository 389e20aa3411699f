import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

/** Issuer and audience of tokens signed by a local development key. */
export const LOCAL_ISSUER = 'urn:local-area-graph:local-issuer';
export const LOCAL_AUDIENCE = 'urn:local-area-graph';

/** A signing key pair for local development and tests, never for production. */
export interface LocalSigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
}

export async function generateLocalSigningKey(): Promise<LocalSigningKey & { privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  return { kid, privateKey, jwks: { keys: [publicJwk] }, privateJwk };
}

/**
 * A local signing key in `<dir>/<fileName>` (`signing-key.json` for tokens), created on first use. It lives
 * in the data folder (git-ignored), readable by its owner only, and is never committed.
 */
export async function loadOrCreateLocalSigningKey(dir: string, fileName = 'signing-key.json'): Promise<LocalSigningKey> {
  const file = path.join(dir, fileName);
  if (!existsSync(file)) {
    const created = await generateLocalSigningKey();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(created.privateJwk), { mode: 0o600 });
    await chmod(file, 0o600);
    return { kid: created.kid, privateKey: created.privateKey, jwks: created.jwks };
  }
  const privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK & { kid: string };
  const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  const { d: _secret, ...publicJwk } = privateJwk;
  return { kid: privateJwk.kid, privateKey, jwks: { keys: [{ ...publicJwk, use: 'sig' }] } };
}
