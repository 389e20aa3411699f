import { KeyObject, constants, sign as signBytes, verify as verifyBytes, type webcrypto } from 'node:crypto';
import { types } from 'node:util';

/**
 * Compact JWTs signed and checked with node:crypto, synchronously.
 *
 * Why not jose for this: jose 6 always goes through WebCrypto, whose promises and thread-pool
 * hop cost as much again as the signature itself, or more (on the benchmark machine jose took about 110 µs to
 * sign a pass and 150 µs to check it; node:crypto takes about 28 and 78). Every child's picture
 * signs one care-team pass and has it checked by three services, and every new token is
 * checked by the gateway and each subgraph. jose still finds the keys (a JWKS in hand or
 * fetched from a URL, with its caching and key selection); only the signing and the checks of
 * the token itself are done here.
 *
 * It knows only the asymmetric algorithms the platform accepts, and refuses anything it does
 * not fully understand: a malformed segment, an algorithm not allowed for the call or not
 * matching the key, any `crit` extension, an unencoded payload, a bad signature, or claims
 * that are missing, of the wrong type or out of date.
 */

export type JwsAlgorithm = 'ES256' | 'EdDSA' | 'RS256' | 'PS256';

/** Which check refused a JWT, in the words the token verifier turns into its reasons. */
export type JwsRejectionKind = 'malformed' | 'algorithm' | 'signature' | 'claim' | 'expired';

export class JwsRejected extends Error {
  constructor(
    readonly kind: JwsRejectionKind,
    message: string,
    /** The claim (or `typ` header) that was refused, for kinds `claim` and `expired`. */
    readonly claim?: string,
  ) {
    super(message);
    this.name = 'JwsRejected';
  }
}

export interface JwsHeader {
  alg: string;
  kid?: string;
  typ?: string;
  [parameter: string]: unknown;
}

export interface JwtClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  nbf?: number;
  iat?: number;
  [claim: string]: unknown;
}

/**
 * Finds the key for a header: jose's JWKS resolvers fit (`createLocalJWKSet`, `createRemoteJWKSet`),
 * as does a function returning a node:crypto public KeyObject.
 */
export type JwsKeyResolver = (header: JwsHeader, token: { protected: string; payload: string; signature: string }) => unknown;

export interface JwtVerifyOptions {
  /** The algorithms accepted here; each is also tied to its key type. */
  algorithms: readonly JwsAlgorithm[];
  issuer: string;
  audience: string;
  /** The `typ` header required (compared as a media type: case-insensitive, `application/` optional). */
  typ?: string;
  /** Seconds of clock difference allowed either way for `exp`, `nbf` and `iat`. */
  clockTolerance: number;
}

export interface VerifiedJwt {
  header: JwsHeader;
  claims: JwtClaims;
}

const SUPPORTED: ReadonlySet<string> = new Set<JwsAlgorithm>(['ES256', 'EdDSA', 'RS256', 'PS256']);
const MIN_RSA_BITS = 2048;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A JWT's signature and claims checked; throws JwsRejected (or the resolver's own error) when it is not valid. */
export async function verifyJwt(token: string, resolveKey: JwsKeyResolver, options: JwtVerifyOptions): Promise<VerifiedJwt> {
  const parsed = readJws(token, options);
  const key = await resolveKey(parsed.header, { protected: parsed.segments[0], payload: parsed.segments[1], signature: parsed.segments[2] });
  return checkJwt(parsed, toKeyObject(key), options);
}

interface ParsedJws {
  header: JwsHeader;
  segments: [string, string, string];
  signingInput: string;
}

/** The checks needing no key: the shape of the token and its header. */
function readJws(token: string, options: JwtVerifyOptions): ParsedJws {
  if (typeof token !== 'string') throw new JwsRejected('malformed', 'a JWT must be a string');
  const segments = token.split('.');
  if (segments.length !== 3) throw new JwsRejected('malformed', 'a compact JWS has exactly three segments');
  for (const segment of segments) strictBase64url(segment);
  const [encodedHeader, encodedPayload, encodedSignature] = segments as [string, string, string];
  const header = jsonObject(encodedHeader, 'header') as JwsHeader;
  if (typeof header.alg !== 'string' || !options.algorithms.includes(header.alg as JwsAlgorithm) || !SUPPORTED.has(header.alg)) {
    throw new JwsRejected('algorithm', `the "alg" header ${JSON.stringify(header.alg)} is not accepted here`);
  }
  if (header.kid !== undefined && typeof header.kid !== 'string') throw new JwsRejected('malformed', 'the "kid" header must be a string');
  if (options.typ !== undefined && (typeof header.typ !== 'string' || mediaType(header.typ) !== mediaType(options.typ))) {
    throw new JwsRejected('claim', 'the "typ" header is not the one required', 'typ');
  }
  // We understand no extension, so no critical one may be present.
  if (header.crit !== undefined) throw new JwsRejected('malformed', 'the "crit" header names extensions this platform does not understand');
  if (header.b64 !== undefined && header.b64 !== true) throw new JwsRejected('malformed', 'a JWT must not have an unencoded payload ("b64")');
  return { header, segments: [encodedHeader, encodedPayload, encodedSignature], signingInput: `${encodedHeader}.${encodedPayload}` };
}

/** The checks needing the key: the signature over `header.payload`, then the claims it vouches for. */
function checkJwt({ header, segments, signingInput }: ParsedJws, key: KeyObject, options: JwtVerifyOptions): VerifiedJwt {
  const alg = header.alg as JwsAlgorithm;
  assertKeyFits(alg, key, 'public');
  const signature = Buffer.from(segments[2], 'base64url');
  if (!signatureMatches(alg, key, Buffer.from(signingInput, 'latin1'), signature)) throw new JwsRejected('signature', 'the signature does not match');
  const claims = jsonObject(segments[1], 'payload');
  return { header, claims: checkClaims(claims, options) };
}

function checkClaims(claims: Record<string, unknown>, options: JwtVerifyOptions): JwtClaims {
  const refuse = (claim: string, message: string) => new JwsRejected('claim', message, claim);
  if (claims.iss !== options.issuer) throw refuse('iss', 'the issuer is not the one expected');
  const aud = claims.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) && aud.every((a) => typeof a === 'string') ? (aud as string[]) : null;
  if (!audiences || !audiences.includes(options.audience)) throw refuse('aud', 'the token is not meant for this audience');
  const now = Math.floor(Date.now() / 1000);
  const tolerance = options.clockTolerance;
  if (!isNumericDate(claims.exp)) throw refuse('exp', 'an expiry ("exp") is required, as a number');
  if (claims.exp <= now - tolerance) throw new JwsRejected('expired', 'the token has expired', 'exp');
  for (const claim of ['nbf', 'iat'] as const) {
    const value = claims[claim];
    if (value === undefined) continue;
    if (!isNumericDate(value)) throw refuse(claim, `the "${claim}" claim must be a number`);
    if (value > now + tolerance) throw refuse(claim, `the "${claim}" claim is in the future`);
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') throw refuse('sub', 'a subject ("sub") is required');
  return claims as JwtClaims;
}

const isNumericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A signer for one key and header, which it checks and encodes once. */
export function createJwtSigner(header: JwsHeader & { alg: 'ES256' | 'EdDSA' }, privateKey: KeyObject): (claims: Record<string, unknown>) => string {
  assertKeyFits(header.alg, privateKey, 'private');
  const encodedHeader = encodeJson(header);
  return (claims) => {
    const signingInput = `${encodedHeader}.${encodeJson(claims)}`;
    return `${signingInput}.${signWith(header.alg, privateKey, signingInput)}`;
  };
}

function signWith(alg: 'ES256' | 'EdDSA', key: KeyObject, signingInput: string): string {
  const data = Buffer.from(signingInput, 'latin1');
  const signature = alg === 'ES256' ? signBytes('sha256', data, { key, dsaEncoding: 'ieee-p1363' }) : signBytes(null, data, key);
  return signature.toString('base64url');
}

const converted = new WeakMap<webcrypto.CryptoKey, KeyObject>();

/** A node:crypto KeyObject for a KeyObject or WebCrypto CryptoKey (as jose returns), converted once per key. */
export function toKeyObject(key: unknown): KeyObject {
  if (key instanceof KeyObject) return key;
  if (types.isCryptoKey(key)) {
    let keyObject = converted.get(key);
    if (!keyObject) {
      keyObject = KeyObject.from(key);
      converted.set(key, keyObject);
    }
    return keyObject;
  }
  // A shared secret (Uint8Array), a JWK or anything else: never a verification key here.
  throw new JwsRejected('algorithm', 'the key is not an asymmetric key this platform accepts');
}

/** Each algorithm with its one key type, so a header can never pick how a key is used. */
function assertKeyFits(alg: JwsAlgorithm, key: KeyObject, type: 'public' | 'private'): void {
  if (key.type !== type) throw new JwsRejected('algorithm', `a ${type} key is needed, not a ${key.type} one`);
  const kind = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  const bits = details.modulusLength ?? 0;
  let fits = false;
  switch (alg) {
    case 'ES256':
      fits = kind === 'ec' && details.namedCurve === 'prime256v1';
      break;
    case 'EdDSA':
      fits = kind === 'ed25519';
      break;
    case 'RS256':
      fits = kind === 'rsa' && bits >= MIN_RSA_BITS;
      break;
    case 'PS256':
      fits = (kind === 'rsa' || kind === 'rsa-pss') && bits >= MIN_RSA_BITS;
      break;
  }
  if (!fits) throw new JwsRejected('algorithm', `${alg} cannot be used with this ${kind ?? 'unknown'} key`);
}

function signatureMatches(alg: JwsAlgorithm, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    switch (alg) {
      case 'ES256':
        // Raw r||s as JWS requires (RFC 7518 3.4); a DER signature is not a JWS signature.
        return signature.length === 64 && verifyBytes('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
      case 'EdDSA':
        return signature.length === 64 && verifyBytes(null, data, key, signature);
      case 'RS256':
        return signature.length === rsaBytes(key) && verifyBytes('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
      case 'PS256':
        return (
          signature.length === rsaBytes(key) &&
          verifyBytes('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
        );
      default:
        return false;
    }
  } catch {
    return false;
  }
}

const rsaBytes = (key: KeyObject) => Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);

/**
 * Only the canonical base64url of some bytes: no padding, no `+` or `/`, no whitespace, no stray
 * bits. Node's decoder skips or accepts all of those, so instead the text must survive a round
 * trip (whose output has only the base64url alphabet, unpadded).
 */
function strictBase64url(segment: string): void {
  if (Buffer.from(segment, 'base64url').toString('base64url') !== segment) {
    throw new JwsRejected('malformed', 'each segment must be unpadded base64url');
  }
}

function jsonObject(segment: string, part: 'header' | 'payload'): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(strictUtf8.decode(Buffer.from(segment, 'base64url')));
  } catch {
    throw new JwsRejected('malformed', `the ${part} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JwsRejected('malformed', `the ${part} must be a JSON object`);
  return value as Record<string, unknown>;
}

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** Media types compare case-insensitively, and `application/` may be left out (RFC 7515 4.1.9). */
const mediaType = (value: string) => {
  const lower = value.toLowerCase();
  return lower.includes('/') ? lower : `application/${lower}`;
};
