import { KeyObject, createHmac, generateKeyPairSync, sign as signBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, type JWK } from 'jose';
import { JwsRejected, createJwtSigner, verifyJwt, type JwsRejectionKind, type JwtVerifyOptions } from './compact-jws.js';
import {
  CARE_TEAM_AUDIENCE,
  CARE_TEAM_ISSUER,
  createCareTeamPassSigner,
  createCareTeamPassVerifier,
  createTokenVerifier,
  generateLocalSigningKey,
  signToken,
} from './index.js';

const relationship = { childId: '2f1c6f0e-8a4b-4c1d-9e2f-3a4b5c6d7e8f', nhsNumber: '9990000018', lead: false };
const PASS_TYPE = 'care-team-pass+jwt';
const ISSUER = 'https://login.example.gov.uk/';
const AUDIENCE = 'urn:local-area-graph';

/** A key pair as the platform holds one: jose's CryptoKeys and the public JWK set. */
async function joseKeyPair<Alg extends 'ES256' | 'EdDSA' | 'RS256' | 'PS256'>(alg: Alg, kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } as JWK] } };
}

describe('interoperability with jose', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`a ${alg} care-team pass signed here verifies with jose's jwtVerify, and one signed by jose verifies here`, async () => {
      const key = await joseKeyPair(alg, `register-${alg}`);
      const ours = await createCareTeamPassSigner(key).sign('a.khan', relationship);
      const { payload, protectedHeader } = await jwtVerify(ours, createLocalJWKSet(key.jwks), {
        issuer: CARE_TEAM_ISSUER,
        audience: CARE_TEAM_AUDIENCE,
        algorithms: [alg],
        typ: PASS_TYPE,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      expect(protectedHeader).toEqual({ alg, kid: key.kid, typ: PASS_TYPE });
      expect(payload).toMatchObject({ sub: 'a.khan', child: relationship.childId, nhs: relationship.nhsNumber, lead: false });
      expect(payload.exp! - payload.iat!).toBe(120);

      const theirs = await new SignJWT({ child: relationship.childId, nhs: relationship.nhsNumber, lead: false })
        .setProtectedHeader({ alg, kid: key.kid, typ: PASS_TYPE })
        .setSubject('a.khan')
        .setIssuer(CARE_TEAM_ISSUER)
        .setAudience(CARE_TEAM_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('2m')
        .sign(key.privateKey);
      expect(await createCareTeamPassVerifier({ jwks: key.jwks }).verify(theirs, 'a.khan')).toEqual(relationship);
      expect(await createCareTeamPassVerifier({ jwks: key.jwks }).verify(ours, 'a.khan')).toEqual(relationship);
    });

    it(`a ${alg} token signed here verifies with jose, and one signed by jose passes the token verifier`, async () => {
      const key = await joseKeyPair(alg, `idp-${alg}`);
      const now = Math.floor(Date.now() / 1000);
      const ours = createJwtSigner({ alg, kid: key.kid, typ: 'JWT' }, KeyObject.from(key.privateKey))({
        sub: 'j.smith',
        role: 'CASEWORKER',
        iss: ISSUER,
        aud: [AUDIENCE, 'urn:another'],
        iat: now,
        exp: now + 60,
      });
      const { payload } = await jwtVerify(ours, createLocalJWKSet(key.jwks), { issuer: ISSUER, audience: AUDIENCE, algorithms: [alg] });
      expect(payload.role).toBe('CASEWORKER');

      const theirs = await new SignJWT({ role: 'CASEWORKER', services: ['kcht-sla'] })
        .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
        .setSubject('j.smith')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key.privateKey);
      const verifier = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwks: key.jwks } });
      expect(await verifier.verify(`Bearer ${theirs}`, undefined)).toMatchObject({ subject: 'j.smith', role: 'CASEWORKER', serviceCodes: ['kcht-sla'] });
      expect((await verifier.verify(`Bearer ${ours}`, undefined)).subject).toBe('j.smith');
    });
  }

  // Identity providers often sign with RSA; the token verifier has always accepted RS256 and PS256.
  for (const alg of ['RS256', 'PS256'] as const) {
    it(`an ${alg} token from an identity provider signed by jose passes the token verifier`, async () => {
      const key = await joseKeyPair(alg, `idp-${alg}`);
      const token = await new SignJWT({ role: 'ANALYST' })
        .setProtectedHeader({ alg, kid: key.kid })
        .setSubject('r.analyst')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(key.privateKey);
      const verifier = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwks: key.jwks } });
      expect((await verifier.verify(`Bearer ${token}`, undefined)).role).toBe('ANALYST');
      const [header, payload, signature] = token.split('.');
      const flipped = `${signature!.slice(0, 10)}${signature![10] === 'A' ? 'B' : 'A'}${signature!.slice(11)}`;
      await expect(verifier.verify(`Bearer ${header}.${payload}.${flipped}`, undefined)).rejects.toThrow('Not signed in: the token signature is not valid');
    });
  }
});

// Keys made with node:crypto, and tokens put together by hand, so the tests do not lean on the code under test.
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const weakRsa = generateKeyPairSync('rsa', { modulusLength: 1024 });

const b64 = (value: unknown) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))).toString('base64url');
const NOW = 1_900_000_000;
const claims = (overrides: Record<string, unknown> = {}) => ({ sub: 'a.khan', iss: CARE_TEAM_ISSUER, aud: CARE_TEAM_AUDIENCE, iat: NOW, exp: NOW + 120, ...overrides });
const header = (overrides: Record<string, unknown> = {}) => ({ alg: 'ES256', kid: 'ec', typ: PASS_TYPE, ...overrides });

type Signing = 'es256' | 'es256-der' | 'ed25519' | 'stranger' | 'rs256-weak' | { hmac: Buffer } | 'none';
function signature(input: string, how: Signing): string {
  const data = Buffer.from(input);
  if (how === 'none') return '';
  if (typeof how === 'object') return createHmac('sha256', how.hmac).update(data).digest('base64url');
  const made = {
    es256: () => signBytes('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }),
    'es256-der': () => signBytes('sha256', data, { key: ec.privateKey, dsaEncoding: 'der' }),
    ed25519: () => signBytes(null, data, ed.privateKey),
    stranger: () => signBytes('sha256', data, { key: stranger.privateKey, dsaEncoding: 'ieee-p1363' }),
    'rs256-weak': () => signBytes('sha256', data, weakRsa.privateKey),
  }[how]();
  return made.toString('base64url');
}
/** A token from raw header and payload segments (JSON values or exact text). */
function token(h: unknown = header(), p: unknown = claims(), how: Signing = 'es256'): string {
  const input = `${b64(h)}.${b64(p)}`;
  return `${input}.${signature(input, how)}`;
}

const keys: Record<string, KeyObject | Uint8Array> = { ec: ec.publicKey, ed: ed.publicKey, rsa: weakRsa.publicKey, private: ec.privateKey, secret: new Uint8Array(32) };
const resolveKey = (h: { kid?: string }) => {
  const key = h.kid === undefined ? undefined : keys[h.kid];
  if (!key) throw new Error('no such key');
  return key;
};
const passOptions: JwtVerifyOptions = { algorithms: ['ES256', 'EdDSA'], issuer: CARE_TEAM_ISSUER, audience: CARE_TEAM_AUDIENCE, typ: PASS_TYPE, clockTolerance: 5 };
const check = (jwt: string, options: JwtVerifyOptions = passOptions) => verifyJwt(jwt, resolveKey, options);

/** The kind and the message of a refusal, so each case shows which check refused it. */
async function refusal(jwt: string, options?: JwtVerifyOptions): Promise<{ kind: JwsRejectionKind; message: string; claim?: string } | 'accepted'> {
  try {
    await check(jwt, options);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof JwsRejected)) throw error;
    return { kind: error.kind, message: error.message, ...(error.claim ? { claim: error.claim } : {}) };
  }
}

const swapSegment = (jwt: string, index: number, change: (segment: string) => string) =>
  jwt
    .split('.')
    .map((segment, i) => (i === index ? change(segment) : segment))
    .join('.');
/** Changes one character in the middle of a segment, where every bit counts. */
const flipMiddle = (segment: string) => {
  const at = Math.floor(segment.length / 2);
  return `${segment.slice(0, at)}${segment[at] === 'A' ? 'B' : 'A'}${segment.slice(at + 1)}`;
};
/** The JSON of `value` with the byte of `marker` replaced by 0xff, which is never valid UTF-8. */
const notUtf8 = (value: unknown, marker: string) => {
  const bytes = Buffer.from(JSON.stringify(value));
  bytes[bytes.indexOf(marker)] = 0xff;
  return bytes;
};
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('verifyJwt refuses', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW * 1000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts the genuine article (so each refusal below is down to its one change)', async () => {
    expect((await check(token())).claims.sub).toBe('a.khan');
    expect((await check(token(header({ alg: 'EdDSA', kid: 'ed' }), claims(), 'ed25519'))).claims.sub).toBe('a.khan');
    expect((await check(token(header({ typ: 'application/Care-Team-Pass+JWT' })))).header.kid).toBe('ec');
    expect((await check(token(header(), claims({ aud: ['urn:elsewhere', CARE_TEAM_AUDIENCE] })))).claims.sub).toBe('a.khan');
    // Within the clock tolerance, either way.
    expect(await refusal(token(header(), claims({ exp: NOW - 4, nbf: NOW + 5, iat: NOW + 5 })))).toBe('accepted');
  });

  const cases: [string, () => string, JwsRejectionKind, RegExp, string?][] = [
    ['a payload with one byte changed', () => swapSegment(token(), 1, flipMiddle), 'signature', /signature does not match/],
    ['a signature with one byte changed', () => swapSegment(token(), 2, flipMiddle), 'signature', /signature does not match/],
    ['a signature by another key under our kid', () => token(header(), claims(), 'stranger'), 'signature', /signature does not match/],
    ['a DER-encoded ECDSA signature (JWS needs raw r||s)', () => token(header(), claims(), 'es256-der'), 'signature', /signature does not match/],
    ['an empty signature', () => token(header(), claims(), 'none'), 'signature', /signature does not match/],
    ['alg "none" with an empty signature', () => token(header({ alg: 'none' }), claims(), 'none'), 'algorithm', /"alg" header "none"/],
    ['alg "none" with a signature anyway', () => token(header({ alg: 'none' }), claims(), 'es256'), 'algorithm', /"alg" header "none"/],
    [
      'HS256 keyed with the public key (the key-confusion attack)',
      () => token(header({ alg: 'HS256' }), claims(), { hmac: ec.publicKey.export({ format: 'der', type: 'spki' }) }),
      'algorithm',
      /"alg" header "HS256"/,
    ],
    [
      'HS256 keyed with the public key in PEM',
      () => token(header({ alg: 'HS256' }), claims(), { hmac: Buffer.from(ec.publicKey.export({ format: 'pem', type: 'spki' })) }),
      'algorithm',
      /"alg" header "HS256"/,
    ],
    ['an alg the platform knows but this caller does not allow (RS256 on a pass)', () => token(header({ alg: 'RS256', kid: 'rsa' })), 'algorithm', /"alg" header "RS256"/],
    ['an alg spelt differently', () => token(header({ alg: 'es256' })), 'algorithm', /"alg" header "es256"/],
    ['no alg at all', () => token({ kid: 'ec', typ: PASS_TYPE }), 'algorithm', /"alg" header undefined/],
    ['an ES256 header on an Ed25519 key', () => token(header({ kid: 'ed' }), claims(), 'ed25519'), 'algorithm', /ES256 cannot be used with this ed25519 key/],
    ['an EdDSA header on a P-256 key', () => token(header({ alg: 'EdDSA' }), claims(), 'ed25519'), 'algorithm', /EdDSA cannot be used with this ec key/],
    ['a private key offered for verification', () => token(header({ kid: 'private' })), 'algorithm', /a public key is needed/],
    ['a shared secret offered for verification', () => token(header({ kid: 'secret' })), 'algorithm', /not an asymmetric key/],
    ['a typ other than the one required', () => token(header({ typ: 'JWT' })), 'claim', /"typ" header/, 'typ'],
    ['no typ when one is required', () => token({ alg: 'ES256', kid: 'ec' }), 'claim', /"typ" header/, 'typ'],
    ['a crit extension', () => token(header({ crit: ['x'], x: 1 })), 'malformed', /"crit" header/],
    ['an unencoded payload (b64: false)', () => token(header({ b64: false })), 'malformed', /"b64"/],
    ['a kid that is not a string', () => token(header({ kid: ['ec'] })), 'malformed', /"kid" header must be a string/],
    ['a header that is a JSON array', () => token([header()]), 'malformed', /header must be a JSON object/],
    ['a header that is not JSON', () => token('{"alg":"ES256",'), 'malformed', /header is not JSON/],
    ['expired beyond the tolerance', () => token(header(), claims({ exp: NOW - 5 })), 'expired', /expired/, 'exp'],
    ['no exp', () => token(header(), claims({ exp: undefined })), 'claim', /"exp"\) is required/, 'exp'],
    ['an exp that is not a number', () => token(header(), claims({ exp: String(NOW + 60) })), 'claim', /"exp"\) is required, as a number/, 'exp'],
    ['an exp of infinity (1e400 in the JSON)', () => token(header(), JSON.stringify(claims({ exp: 0 })).replace('"exp":0', '"exp":1e400')), 'claim', /"exp"\) is required, as a number/, 'exp'],
    ['nbf in the future beyond the tolerance', () => token(header(), claims({ nbf: NOW + 6 })), 'claim', /"nbf" claim is in the future/, 'nbf'],
    ['iat in the future beyond the tolerance', () => token(header(), claims({ iat: NOW + 6 })), 'claim', /"iat" claim is in the future/, 'iat'],
    ['an iat that is not a number', () => token(header(), claims({ iat: 'now' })), 'claim', /"iat" claim must be a number/, 'iat'],
    ['another issuer', () => token(header(), claims({ iss: 'urn:someone-else' })), 'claim', /issuer/, 'iss'],
    ['no issuer', () => token(header(), claims({ iss: undefined })), 'claim', /issuer/, 'iss'],
    ['another audience', () => token(header(), claims({ aud: 'urn:another-service' })), 'claim', /audience/, 'aud'],
    ['an audience list without ours', () => token(header(), claims({ aud: ['urn:a', 'urn:b'] })), 'claim', /audience/, 'aud'],
    ['no audience', () => token(header(), claims({ aud: undefined })), 'claim', /audience/, 'aud'],
    ['no sub', () => token(header(), claims({ sub: undefined })), 'claim', /"sub"/, 'sub'],
    ['an empty sub', () => token(header(), claims({ sub: '' })), 'claim', /"sub"/, 'sub'],
    ['a payload that is a JSON array', () => token(header(), [claims()]), 'malformed', /payload must be a JSON object/],
    ['a payload that is not JSON', () => token(header(), 'sub=a.khan'), 'malformed', /payload is not JSON/],
    ['a payload that is not UTF-8 (a bad byte inside a string)', () => token(header(), notUtf8(claims({ sub: 'a.khan~' }), '~')), 'malformed', /payload is not JSON/],
    ['two segments', () => token().split('.').slice(0, 2).join('.'), 'malformed', /three segments/],
    ['four segments', () => `${token()}.${b64('{}')}`, 'malformed', /three segments/],
    ['padding "=" on a segment', () => swapSegment(token(), 2, (s) => `${s}${'='.repeat((4 - (s.length % 4)) % 4)}`), 'malformed', /unpadded base64url/],
    ['"+" and "/" (plain base64) in a segment', () => swapSegment(signedUntil((s) => /[-_]/.test(s)), 2, (s) => s.replace(/-/g, '+').replace(/_/g, '/')), 'malformed', /unpadded base64url/],
    ['stray bits in the last character of a segment', () => swapSegment(token(), 2, (s) => `${s.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(s.at(-1)!) ^ 1]}`), 'malformed', /unpadded base64url/],
    ['a space inside a segment', () => swapSegment(token(), 2, (s) => `${s.slice(0, 8)} ${s.slice(8)}`), 'malformed', /unpadded base64url/],
    // Order: the signature is checked before any claim, and the header before the signature.
    ['a forged signature on an expired token (the signature is what is refused)', () => token(header(), claims({ exp: NOW - 60 }), 'stranger'), 'signature', /signature does not match/],
  ];

  for (const [name, make, kind, message, claim] of cases) {
    it(name, async () => {
      const result = await refusal(make());
      expect(result).toMatchObject({ kind, message: expect.stringMatching(message) });
      if (claim) expect(result).toMatchObject({ claim });
    });
  }

  it('an RSA key shorter than 2048 bits, even where RS256 is allowed', async () => {
    const options = { ...passOptions, algorithms: ['RS256' as const], typ: undefined };
    expect(await refusal(token(header({ alg: 'RS256', kid: 'rsa' }), claims(), 'rs256-weak'), options)).toMatchObject({
      kind: 'algorithm',
      message: expect.stringMatching(/RS256 cannot be used with this rsa key/),
    });
  });

  it('a kid the key resolver does not know (its own error comes through)', async () => {
    await expect(check(token(header({ kid: 'nobody' })))).rejects.toThrow('no such key');
  });

  it('a value that is not a string', async () => {
    expect(await refusal(undefined as never)).toMatchObject({ kind: 'malformed' });
  });
});

/** A genuine token whose signature segment satisfies `test` (signatures are random, so a few tries do). */
function signedUntil(test: (signature: string) => boolean): string {
  for (let i = 0; i < 1000; i++) {
    const jwt = token(header(), claims({ jti: String(i) }));
    if (test(jwt.split('.')[2]!)) return jwt;
  }
  throw new Error('no such signature in 1000 tries');
}

describe('the verifiers built on it', () => {
  it('a care-team pass refused by any check grants nothing; one from an unknown kid neither', async () => {
    const register = await generateLocalSigningKey();
    const verifier = createCareTeamPassVerifier({ jwks: register.jwks });
    const genuine = await createCareTeamPassSigner(register).sign('a', relationship);
    expect(await verifier.verify(genuine, 'a')).toEqual(relationship);
    const [h, p, s] = genuine.split('.') as [string, string, string];
    const headerOf = JSON.parse(Buffer.from(h, 'base64url').toString());
    const unknownKid = `${b64({ ...headerOf, kid: 'retired-key' })}.${p}.${s}`;
    const hs256 = (() => {
      const input = `${b64({ ...headerOf, alg: 'HS256' })}.${p}`;
      return `${input}.${createHmac('sha256', Buffer.from(JSON.stringify(register.jwks.keys[0]))).update(input).digest('base64url')}`;
    })();
    for (const bad of [unknownKid, hs256, `${h}.${p}.${s}=`, `${h}.${p}`, `${h}.${flipMiddle(p)}.${s}`, `${h}.${p}.${flipMiddle(s)}`]) {
      expect(await verifier.verify(bad, 'a')).toBeNull();
    }
  });

  it('the token verifier keeps its reasons for each kind of refusal', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const key = await generateLocalSigningKey();
      const verifier = createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwks: key.jwks } });
      const sign = (options: { issuer?: string; ttlSeconds?: number } = {}) =>
        signToken(key.privateKey, key.kid, { sub: 'x', role: 'ADMIN' }, { issuer: options.issuer ?? ISSUER, audience: AUDIENCE, ttlSeconds: options.ttlSeconds });
      const reason = async (jwt: string) => {
        try {
          await verifier.verify(`Bearer ${jwt}`, undefined);
          return 'accepted';
        } catch (error) {
          return (error as Error).message.replace(/^Not signed in: /, '');
        }
      };
      const good = await sign();
      const [h, p, s] = good.split('.') as [string, string, string];
      const headerOf = JSON.parse(Buffer.from(h, 'base64url').toString());
      expect(await reason(good)).toBe('accepted');
      expect(await reason(await sign({ ttlSeconds: -31 }))).toBe('the token has expired');
      expect(await reason(await sign({ issuer: 'urn:someone-else' }))).toBe("the token's iss claim is not accepted here");
      expect(await reason(`${h}.${flipMiddle(p)}.${s}`)).toBe('the token signature is not valid');
      expect(await reason(`${b64({ ...headerOf, kid: 'retired-key' })}.${p}.${s}`)).toBe('the token was not signed by a trusted key');
      expect(await reason(`${b64({ ...headerOf, alg: 'none' })}.${p}.`)).toBe('the token uses an algorithm this platform does not accept');
      expect(await reason(`${b64({ ...headerOf, crit: ['x'], x: 1 })}.${p}.${s}`)).toBe('the token is not valid');
      expect(await reason(`${good}.${s}`)).toBe('the token is not valid');
      // A token within the 30 s tolerance is still good, one past it is not.
      const shortLived = await sign({ ttlSeconds: 10 });
      vi.setSystemTime(Date.now() + 39_000);
      expect(await reason(shortLived)).toBe('accepted');
      const another = await sign({ ttlSeconds: 10 });
      vi.setSystemTime(Date.now() + 41_000);
      expect(await reason(another)).toBe('the token has expired');
    } finally {
      vi.useRealTimers();
    }
  });
});
