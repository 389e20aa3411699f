import { GraphQLError, type ASTNode } from 'graphql';
import { validateIsoDate } from './date.js';
import { validateLaCode } from './la-code.js';
import { validateNhsNumber } from './nhs-number.js';
import { validateUpn } from './upn.js';
import { validateUrn } from './urn.js';

/** The identifiers this package validates, named as their GraphQL scalars. */
export type IdentifierKind = 'NhsNumber' | 'Upn' | 'Urn' | 'LaCode' | 'LocalDate';

/** The validator for each identifier kind: a reason when invalid, null when valid. */
export const IDENTIFIER_VALIDATORS: Readonly<Record<IdentifierKind, (value: string) => string | null>> = {
  NhsNumber: validateNhsNumber,
  Upn: validateUpn,
  Urn: validateUrn,
  LaCode: validateLaCode,
  LocalDate: validateIsoDate,
};

/** Why `value` is not a valid `kind`, or null when it is. */
export function validateIdentifier(kind: IdentifierKind, value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  return IDENTIFIER_VALIDATORS[kind](value);
}

/** Extensions carried by {@link InvalidIdentifierError}, so clients can react without parsing the message. */
export type InvalidIdentifierExtensions = {
  code: 'BAD_USER_INPUT';
  identifier: IdentifierKind;
  reason: string;
  /** Present when a resolver named the argument at fault (see {@link assertIdentifier}). */
  argument?: string;
};

/**
 * A client sent a value that is not a valid identifier. The message names the value
 * and the reason (`"123" is not a valid NhsNumber: must be 10 digits`); extensions
 * carry `code: 'BAD_USER_INPUT'`, `identifier` and `reason`.
 */
export class InvalidIdentifierError extends GraphQLError {
  declare readonly extensions: InvalidIdentifierExtensions & Record<string, unknown>;

  constructor(
    identifier: IdentifierKind,
    value: unknown,
    reason: string,
    options: {
      argumentName?: string;
      nodes?: ASTNode | ReadonlyArray<ASTNode>;
      /** How to show the value in the message, e.g. a printed GraphQL literal; defaults to a quoted string. */
      display?: string;
    } = {},
  ) {
    const shown = options.display ?? (typeof value === 'string' ? JSON.stringify(value) : describe(value));
    const prefix = options.argumentName === undefined ? '' : `Argument "${options.argumentName}": `;
    const extensions: InvalidIdentifierExtensions = { code: 'BAD_USER_INPUT', identifier, reason };
    if (options.argumentName !== undefined) extensions.argument = options.argumentName;
    super(`${prefix}${shown} is not a valid ${identifier}: ${reason}`, { nodes: options.nodes, extensions });
    this.name = 'InvalidIdentifierError';
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/**
 * Returns `value` when it is a valid `kind`; otherwise throws an
 * {@link InvalidIdentifierError} whose extensions also name `argumentName`, so a
 * resolver taking a plain String argument can say which argument was wrong.
 */
export function assertIdentifier(kind: IdentifierKind, value: string, argumentName: string): string {
  const reason = validateIdentifier(kind, value);
  if (reason !== null) throw new InvalidIdentifierError(kind, value, reason, { argumentName });
  return value;
}
