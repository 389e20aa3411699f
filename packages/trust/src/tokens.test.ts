import { describe, expect, it } from 'vitest';
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
