export { ROLES, ROLE_DESCRIPTIONS, PURPOSES, PURPOSE_HEADER, isPurpose } from './roles.js';
export type { Role, Purpose } from './roles.js';
export type { Viewer } from './viewer.js';
export { unauthenticated, badRequestHeader } from './errors.js';
export { createTokenVerifier, platformClaims, signToken } from './tokens.js';
export type { PlatformClaims, TokenVerifier, TrustSettings } from './tokens.js';
export { LOCAL_AUDIENCE, LOCAL_ISSUER, generateLocalSigningKey, loadOrCreateLocalSigningKey } from './local-key.js';
export type { LocalSigningKey } from './local-key.js';
