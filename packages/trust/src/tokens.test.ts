import { describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, generateLocalSigningKey, signToken, LOCAL_AUDIENCE, LOCAL_ISSUER, type PlatformClaims } from './index.js';

const settings = async () => {
  const key = await generateLocalSigningKey();
  const verifier = createTokenVerifier({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, keys: { jwks: key.jwks } });
  const sign = (claims: PlatformClaims, options: { issuer?: string; audience?: string; ttlSeconds?: number } = {}) =>
    signToken(key.privateKey, key.kid, claims, { issuer: options.issuer ?? LOCAL_ISSUER, audience: options.audience ?? LOCAL_AUDIENCE, ttlSeconds: options.ttlSeconds });
  return { verifier, sign };
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('token verification', () => {
  it('reads role, relationships and purpose into the viewer', async () => {
    const { verifier, sign } = await settings();
    const token = await sign({ sub: 'a.khan', name: 'Aisha Khan', role: 'LOCALITY_LEAD', localities: ['dartford', 'swale'] });
    expect(await verifier.verify(`Bearer ${token}`, 'safeguarding')).toEqual({
      subject: 'a.khan',
      name: 'Aisha Khan',
      role: 'LOCALITY_LEAD',
      localityIds: ['dartford', 'swale'],
      schoolUrns: [],
      serviceCodes: [],
      partnerId: null,
      purpose: 'safeguarding',
    });
    expect((await verifier.verify(`Bearer ${token}`, undefined)).purpose).toBeNull();
  });

  it('refuses a token of the right key meant for another audience or from another issuer', async () => {
    const { verifier, sign } = await settings();
    const claims = { sub: 'x', role: 'ADMIN' } as const;
    expect(await codeOf(verifier.verify(`Bearer ${await sign(claims, { audience: 'urn:another-service' })}`, undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.verify(`Bearer ${await sign(claims, { issuer: 'urn:someone-else' })}`, undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifier.verify(`Bearer ${await sign(claims)}`, undefined))).toBe('accepted');
  });

  it('refuses unknown roles and malformed relationships in a validly signed token', async () => {
    const { verifier, sign } = await settings();
    // signToken itself refuses bad claims, so build the token past it.
    await expect(sign({ sub: 'x', role: 'SUPERUSER' as never })).rejects.toThrow();
    await expect(sign({ sub: 'x', role: 'SENCO', schools: ['12'] })).rejects.toThrow(/URN/);
    expect(await codeOf(verifier.verify('Bearer', undefined))).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown purpose as a bad request naming the header', async () => {
    const { verifier, sign } = await settings();
    const token = await sign({ sub: 'x', role: 'ADMIN' });
    expect(await codeOf(verifier.verify(`Bearer ${token}`, 'curiosity'))).toBe('BAD_REQUEST');
  });
});

describe("an identity provider's JWKS URL (production)", () => {
  it('verifies tokens against the keys it publishes, and refuses a key it does not publish', async () => {
    const http = await import('node:http');
    const provider = await generateLocalSigningKey();
    const stranger = await generateLocalSigningKey();
    let fetched = 0;
    const server = http.createServer((_request, response) => {
      fetched++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(provider.jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const issuer = 'https://login.example.gov.uk/';
      const audience = 'urn:local-area-graph';
      const verifier = createTokenVerifier({ issuer, audience, keys: { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` } });
      const good = await signToken(provider.privateKey, provider.kid, { sub: 'j.smith', role: 'CASEWORKER' }, { issuer, audience });
      expect((await verifier.verify(`Bearer ${good}`, 'statutory-assessment')).subject).toBe('j.smith');
      expect(fetched).toBe(1);
      const forged = await signToken(stranger.privateKey, stranger.kid, { sub: 'mallory', role: 'ADMIN' }, { issuer, audience });
      expect(await codeOf(verifier.verify(`Bearer ${forged}`, undefined))).toBe('UNAUTHENTICATED');
    } finally {
      server.close();
    }
  });
});

describe('verified tokens are remembered, never beyond their expiry', () => {
  it('a token checked once answers again without a new signature check, and stops at its expiry', async () => {
    const { verifier, sign } = await settings();
    const token = await sign({ sub: 'a.lead', role: 'LOCALITY_LEAD', localities: ['swale'] }, { ttlSeconds: 60 });
    const first = await verifier.verify(`Bearer ${token}`, 'direct-care');
    // The purpose is per request, not part of what is remembered.
    expect(await verifier.verify(`Bearer ${token}`, undefined)).toEqual({ ...first, purpose: null });
    vi.useFakeTimers({ now: Date.now() + (60 + 31) * 1000 });
    try {
      expect(await codeOf(verifier.verify(`Bearer ${token}`, 'direct-care'))).toBe('UNAUTHENTICATED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a copy with one byte changed is another token, checked afresh and refused', async () => {
    const { verifier, sign } = await settings();
    const token = await sign({ sub: 'a.lead', role: 'ADMIN' });
    await verifier.verify(`Bearer ${token}`, undefined);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN', sub: 'someone.else' })).toString('base64url');
    expect(await codeOf(verifier.verify(`Bearer ${header}.${forged}.${signature}`, undefined))).toBe('UNAUTHENTICATED');
  });
});
