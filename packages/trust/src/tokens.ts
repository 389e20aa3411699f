import { SignJWT, createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, type KeyObject, type CryptoKey } from 'jose';
import { JwsRejected, verifyJwt, type JwsAlgorithm, type JwsKeyResolver } from './compact-jws.js';
import { z } from 'zod';
import { ROLES, isPurpose, type Purpose } from './roles.js';
import { badRequestHeader, unauthenticated } from './errors.js';
import type { Viewer } from './viewer.js';

/** The claims this platform reads from a token, beyond the registered ones. */
export const platformClaims = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  role: z.enum(ROLES),
  localities: z.array(z.string().min(1)).default([]),
  schools: z.array(z.string().regex(/^\d{6}$/, 'a school URN is 6 digits')).default([]),
  services: z.array(z.string().min(1)).default([]),
  partner: z.string().min(1).optional(),
});
export type PlatformClaims = z.input<typeof platformClaims>;

/** Where tokens come from and for whom they are meant. */
export interface TrustSettings {
  issuer: string;
  audience: string;
  /** Public keys: a key set in hand (local development, tests) or the identity provider's JWKS URL (production). */
  keys: { jwks: JSONWebKeySet } | { jwksUrl: string };
}

// Asymmetric only: a subgraph that can verify tokens must not be able to mint them.
const ALGORITHMS: JwsAlgorithm[] = ['ES256', 'RS256', 'PS256', 'EdDSA'];

/** Verifies the bearer token and purpose of a request and returns who is asking. */
export interface TokenVerifier {
  verify(authorization: string | undefined, purpose: string | undefined): Promise<Viewer>;
}

/** Verified tokens remembered per process: a token is checked once, not once per subgraph call. */
const VERIFIED_CACHE_SIZE = 10_000;
const CLOCK_TOLERANCE_SECONDS = 30;

export function createTokenVerifier(settings: TrustSettings): TokenVerifier {
  const keys: JwsKeyResolver =
    'jwks' in settings.keys ? createLocalJWKSet(settings.keys.jwks) : createRemoteJWKSet(new URL(settings.keys.jwksUrl));
  // A request's token reaches the gateway and then every subgraph it calls; verifying an
  // ES256 signature each time was a fair share of a picture's CPU. The cache holds only
  // tokens whose signature and claims were checked, keyed by the whole token (a changed
  // byte is another key), and drops each at its own expiry.
  const verified = new Map<string, { claims: z.output<typeof platformClaims>; expiresAt: number }>();
  const check = async (token: string) => {
    const known = verified.get(token);
    if (known && known.expiresAt + CLOCK_TOLERANCE_SECONDS * 1000 > Date.now()) return known.claims;
    if (known) verified.delete(token);
    let payload: { exp: number } & Record<string, unknown>;
    try {
      ({ claims: payload } = await verifyJwt(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw unauthenticated(reasonFor(error));
    }
    const claims = platformClaims.safeParse(payload);
    if (!claims.success) throw unauthenticated(`the token's claims are not valid (${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims: claims.data, expiresAt: payload.exp * 1000 });
    return claims.data;
  };
  return {
    async verify(authorization, purposeHeader) {
      if (!authorization) throw unauthenticated('send a bearer token in the Authorization header');
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
      const c = await check(match[1]!);
      let purpose: Purpose | null = null;
      if (purposeHeader !== undefined && purposeHeader !== '') {
        if (!isPurpose(purposeHeader)) throw badRequestHeader('x-purpose', `"${purposeHeader}" is not a purpose this platform knows.`);
        purpose = purposeHeader;
      }
      return {
        subject: c.sub,
        name: c.name ?? null,
        role: c.role,
        localityIds: c.localities,
        schoolUrns: c.schools,
        serviceCodes: c.services,
        partnerId: c.partner ?? null,
        purpose,
      };
    },
  };
}

function reasonFor(error: unknown): string {
  if (error instanceof JwsRejected) {
    switch (error.kind) {
      case 'expired':
        return 'the token has expired';
      case 'claim':
        return `the token's ${error.claim} claim is not accepted here`;
      case 'signature':
        return 'the token signature is not valid';
      case 'algorithm':
        return 'the token uses an algorithm this platform does not accept';
      case 'malformed':
        return 'the token is not valid';
    }
  }
  // The key lookup is still jose's (a JWKS in hand or fetched), and so are its errors.
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted here`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was not signed by a trusted key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token uses an algorithm this platform does not accept';
  return 'the token is not valid';
}

/** Signs a token for the local development key (pnpm -s run token, the test kit). */
export async function signToken(
  privateKey: KeyObject | CryptoKey,
  kid: string,
  claims: PlatformClaims,
  options: { issuer: string; audience: string; ttlSeconds?: number },
): Promise<string> {
  const parsed = platformClaims.parse(claims);
  const { sub, ...rest } = parsed;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 3600}s`)
    .sign(privateKey);
}
