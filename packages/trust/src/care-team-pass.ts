import { createLocalJWKSet, createRemoteJWKSet, importJWK, type CryptoKey, type JSONWebKeySet, type JWK, type KeyObject } from 'jose';
import { z } from 'zod';
import { createJwtSigner, toKeyObject, verifyJwt, type JwsAlgorithm, type JwsKeyResolver } from './compact-jws.js';

/**
 * A care-team pass: the child register's signed statement that one person is, right
 * now, on one child's team around the child (and whether they are its lead
 * professional).
 *
 * Why it exists: only the localities service knows the team around the child, yet
 * schools, SEND and health must decide for themselves (they can be asked directly)
 * whether a team member may see their part of the child's record. They cannot read
 * the register's database, and they must not trust a bare "yes" in a representation
 * that any caller could forge. So the register signs the relationship with a key only
 * it holds; the gateway carries the pass to the other services through `@requires`,
 * and each checks the signature, the person and the expiry before it counts.
 *
 * A pass names its holder (`sub`), so it is worthless to anyone else: the other
 * services accept it only with a valid token for the same person.
 */
export const CARE_TEAM_ISSUER = 'urn:local-area-graph:localities:care-team';
export const CARE_TEAM_AUDIENCE = 'urn:local-area-graph:subgraphs';
const PASS_TYPE = 'care-team-pass+jwt';
const ALGORITHMS: JwsAlgorithm[] = ['ES256', 'EdDSA'];

/** What a pass says: this person is on this child's team, and perhaps its lead professional. */
export interface CareTeamRelationship {
  childId: string;
  nhsNumber: string;
  lead: boolean;
}

const passClaims = z.object({
  sub: z.string().min(1),
  child: z.string().uuid(),
  nhs: z.string().regex(/^\d{10}$/),
  lead: z.boolean(),
});

export interface CareTeamPassSigner {
  sign(subject: string, relationship: CareTeamRelationship): Promise<string>;
}

export interface CareTeamPassVerifier {
  /** The relationship the pass states for `subject`, or null if it is not a valid, current pass for them. */
  verify(pass: string, subject: string): Promise<CareTeamRelationship | null>;
  /** How many passes this verifier has checked the signature of (the rest it had checked before). */
  readonly signatureChecks: number;
}

/** The register's signing key: an ES256 or Ed25519 private key and its key id. */
export interface CareTeamSigningKey {
  kid: string;
  privateKey: CryptoKey | KeyObject;
  alg?: 'ES256' | 'EdDSA';
}

/** A signing key from a private JWK in JSON (the CARE_TEAM_SIGNING_KEY variable); it must carry a `kid`. */
export async function importCareTeamSigningKey(json: string): Promise<CareTeamSigningKey> {
  const jwk = JSON.parse(json) as JWK;
  if (!jwk.kid || !jwk.d) throw new Error('the care-team signing key must be a private JWK with a kid');
  const alg = jwk.kty === 'OKP' ? 'EdDSA' : 'ES256';
  return { kid: jwk.kid, alg, privateKey: (await importJWK(jwk, alg)) as CryptoKey | KeyObject };
}

export function createCareTeamPassSigner(signingKey: CareTeamSigningKey, ttlSeconds = 120): CareTeamPassSigner {
  const { kid } = signingKey;
  const alg = signingKey.alg ?? 'ES256';
  // Converted and checked against the algorithm once, not per pass.
  const signJwt = createJwtSigner({ alg, kid, typ: PASS_TYPE }, toKeyObject(signingKey.privateKey));
  return {
    async sign(subject, relationship) {
      const issuedAt = Math.floor(Date.now() / 1000);
      return signJwt({
        child: relationship.childId,
        nhs: relationship.nhsNumber,
        lead: relationship.lead,
        sub: subject,
        iss: CARE_TEAM_ISSUER,
        aud: CARE_TEAM_AUDIENCE,
        iat: issuedAt,
        // Short-lived: a pass is made for one request, and a team changes.
        exp: issuedAt + ttlSeconds,
      });
    },
  };
}

/** Passes whose signature was checked, remembered until they expire (a pass lives two minutes). */
const CHECKED_PASSES = 10_000;
const PASS_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Checks passes against the register's public keys: a key set in hand or a JWKS URL.
 *
 * The gateway hands the same pass to schools, SEND and health for one picture. Where
 * they run in one process with one verifier (the platform's one-process shape), its
 * signature is checked once and the others find the checked claims, keyed by the whole
 * pass (a changed byte is another key). Holder and expiry are checked on every call.
 */
export function createCareTeamPassVerifier(keys: { jwks: JSONWebKeySet } | { jwksUrl: string }): CareTeamPassVerifier {
  const getKey: JwsKeyResolver = 'jwks' in keys ? createLocalJWKSet(keys.jwks) : createRemoteJWKSet(new URL(keys.jwksUrl));
  type Claims = z.output<typeof passClaims> & { exp: number };
  const checked = new Map<string, Promise<Claims | null>>();
  let signatureChecks = 0;
  const check = async (pass: string): Promise<Claims | null> => {
    signatureChecks += 1;
    try {
      const { claims: payload } = await verifyJwt(pass, getKey, {
        issuer: CARE_TEAM_ISSUER,
        audience: CARE_TEAM_AUDIENCE,
        algorithms: ALGORITHMS,
        typ: PASS_TYPE,
        clockTolerance: PASS_CLOCK_TOLERANCE_SECONDS,
      });
      const claims = passClaims.safeParse(payload);
      return claims.success ? { ...claims.data, exp: payload.exp } : null;
    } catch {
      // Forged, expired or for another audience: it simply grants nothing.
      return null;
    }
  };
  return {
    get signatureChecks() {
      return signatureChecks;
    },
    async verify(pass, subject) {
      let claims = checked.get(pass);
      if (!claims) {
        claims = check(pass);
        if (checked.size >= CHECKED_PASSES) checked.delete(checked.keys().next().value!);
        checked.set(pass, claims);
        // Only passes that checked out are remembered.
        void claims.then((found) => found || checked.delete(pass));
      }
      const found = await claims;
      if (!found) return null;
      if (found.exp + PASS_CLOCK_TOLERANCE_SECONDS <= Math.floor(Date.now() / 1000)) {
        checked.delete(pass);
        return null;
      }
      if (found.sub !== subject) return null;
      return { childId: found.child, nhsNumber: found.nhs, lead: found.lead };
    },
  };
}
