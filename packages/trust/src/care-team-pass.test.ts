import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  CARE_TEAM_AUDIENCE,
  CARE_TEAM_ISSUER,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  createCareTeamPassSigner,
  createCareTeamPassVerifier,
  generateLocalSigningKey,
  importCareTeamSigningKey,
  signToken,
} from './index.js';

const relationship = { childId: '2f1c6f0e-8a4b-4c1d-9e2f-3a4b5c6d7e8f', nhsNumber: '9990000018', lead: true };

describe('care-team passes', () => {
  it('a pass signed by the register states the relationship, for its holder only', async () => {
    const key = await generateLocalSigningKey();
    const pass = await createCareTeamPassSigner(key).sign('a.khan@kent.example.org', relationship);
    const verifier = createCareTeamPassVerifier({ jwks: key.jwks });
    expect(await verifier.verify(pass, 'a.khan@kent.example.org')).toEqual(relationship);
    expect(await verifier.verify(pass, 'someone.else@kent.example.org')).toBeNull();
  });

  it('grants nothing when signed by another key, tampered with, or expired', async () => {
    const register = await generateLocalSigningKey();
    const stranger = await generateLocalSigningKey();
    const verifier = createCareTeamPassVerifier({ jwks: register.jwks });
    const forged = await createCareTeamPassSigner(stranger).sign('a', relationship);
    expect(await verifier.verify(forged, 'a')).toBeNull();
    const genuine = await createCareTeamPassSigner(register).sign('a', relationship);
    const [header, , signature] = genuine.split('.');
    const otherChild = Buffer.from(JSON.stringify({ sub: 'a', child: '00000000-0000-4000-8000-000000000000', nhs: '9990000018', lead: true, iss: CARE_TEAM_ISSUER, aud: CARE_TEAM_AUDIENCE, exp: 9999999999 })).toString('base64url');
    expect(await verifier.verify(`${header}.${otherChild}.${signature}`, 'a')).toBeNull();
    const expired = await createCareTeamPassSigner(register, -60).sign('a', relationship);
    expect(await verifier.verify(expired, 'a')).toBeNull();
  });

  describe('checked once per process', () => {
    afterEach(() => vi.useRealTimers());

    it('the same pass, shown by three services at once, has its signature checked once; its holder and expiry every time', async () => {
      const key = await generateLocalSigningKey();
      const pass = await createCareTeamPassSigner(key).sign('a.khan@kent.example.org', relationship);
      const verifier = createCareTeamPassVerifier({ jwks: key.jwks });
      const answers = await Promise.all([1, 2, 3].map(() => verifier.verify(pass, 'a.khan@kent.example.org')));
      expect(answers).toEqual([relationship, relationship, relationship]);
      expect(verifier.signatureChecks).toBe(1);
      expect(await verifier.verify(pass, 'someone.else@kent.example.org')).toBeNull();
      // A changed byte is another pass, checked (and refused) on its own.
      const [header, payload, signature] = pass.split('.');
      const tampered = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
      expect(await verifier.verify(tampered, 'a.khan@kent.example.org')).toBeNull();
      expect(await verifier.verify(tampered, 'a.khan@kent.example.org')).toBeNull();
      expect(verifier.signatureChecks).toBe(3);
      // Two minutes on (the pass's life and the 5 s allowed for clocks), the remembered pass has expired.
      vi.useFakeTimers({ now: Date.now() + 126_000, toFake: ['Date'] });
      expect(await verifier.verify(pass, 'a.khan@kent.example.org')).toBeNull();
    });

    it('another verifier, trusting other keys, checks for itself', async () => {
      const register = await generateLocalSigningKey();
      const pass = await createCareTeamPassSigner(register).sign('a', relationship);
      expect(await createCareTeamPassVerifier({ jwks: register.jwks }).verify(pass, 'a')).toEqual(relationship);
      const elsewhere = createCareTeamPassVerifier({ jwks: (await generateLocalSigningKey()).jwks });
      expect(await elsewhere.verify(pass, 'a')).toBeNull();
    });
  });

  it("an identity token signed with the register's key is still not a pass", async () => {
    const key = await generateLocalSigningKey();
    const token = await signToken(key.privateKey, key.kid, { sub: 'a', role: 'ADMIN' }, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
    expect(await createCareTeamPassVerifier({ jwks: key.jwks }).verify(token, 'a')).toBeNull();
    // Right issuer and audience but the wrong type of token: refused too.
    const untyped = await new SignJWT({ child: relationship.childId, nhs: relationship.nhsNumber, lead: true })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('a')
      .setIssuer(CARE_TEAM_ISSUER)
      .setAudience(CARE_TEAM_AUDIENCE)
      .setExpirationTime('1m')
      .sign(key.privateKey);
    expect(await createCareTeamPassVerifier({ jwks: key.jwks }).verify(untyped, 'a')).toBeNull();
  });

  it('imports the production signing key from a private JWK, and refuses a public one', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'register-2026' };
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'register-2026', alg: 'ES256' };
    const signer = createCareTeamPassSigner(await importCareTeamSigningKey(JSON.stringify(privateJwk)));
    const pass = await signer.sign('a', relationship);
    expect(await createCareTeamPassVerifier({ jwks: { keys: [publicJwk] } }).verify(pass, 'a')).toEqual(relationship);
    await expect(importCareTeamSigningKey(JSON.stringify(publicJwk))).rejects.toThrow(/private JWK/);
  });
});
