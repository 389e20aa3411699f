import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { InvalidIdentifierError } from '@local-area-graph/identifiers';

/** Error codes a client can rely on (in `extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** Bad input, naming the argument (or input field path) at fault. */
export function badUserInput(message: string, argument: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument, ...extra } });
}

/** Nothing has this id: an error, never a silent null, so a typo is not mistaken for "no record". */
export function notFound(kind: string, id: string, argument: string): GraphQLError {
  return new GraphQLError(`No ${kind} has ${argument} "${id}".`, {
    extensions: { code: ErrorCode.NOT_FOUND, argument, value: id },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a platform id (a UUID), checked before PostgreSQL is asked to cast it. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Platform ids are UUIDs; say so instead of letting PostgreSQL reject the cast. */
export function assertUuid(value: string, argument: string): string {
  if (!UUID.test(value)) throw badUserInput(`"${value}" is not a platform id: expected a UUID.`, argument);
  return value.toLowerCase();
}

function originalOf(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}

/** Codes a client may see with their message; anything else is masked. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'INVALID_GRAPHQL',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PAYLOAD_TOO_LARGE',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_ERROR',
  'AUDIT_UNAVAILABLE',
  'CONFLICT',
]);

/** The extension keys a client may see; a stack, an exception or a database error's fields never pass. */
const CLIENT_EXTENSIONS = ['code', 'argument', 'field', 'fields', 'rule', 'reason', 'identifier', 'value', 'header', 'serviceName', 'limit', 'maximum', 'found', 'expectedVersion', 'currentVersion'];

/**
 * What no answer may carry, whichever service wrote it: stack frames, file paths,
 * database error text, connection strings.
 */
const LEAK = /\n\s+at |\bat [\w.<>$]+ \(|node_modules|\/work\/|file:\/\/|\.(ts|js|mjs|cjs):\d+|violates .*constraint|relation ".*" does not exist|syntax error at or near|duplicate key|invalid input syntax|postgres(ql)?:\/\/|ECONNREFUSED|QueryFailedError/i;

/**
 * Shapes every error a service returns, the gateway's included. A bad identifier in
 * the query text is reported by graphql-js as a validation error; it is still the
 * caller's bad input, so it keeps BAD_USER_INPUT. Only known client codes pass with
 * their message, and only known extension keys pass at all; anything unexpected (an
 * uncoded error, a subgraph's DOWNSTREAM_SERVICE_ERROR, a message carrying SQL or a
 * stack) is logged in full and reaches the client as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    const raw = original instanceof InvalidIdentifierError
      ? { ...formatted.extensions, ...original.extensions, code: ErrorCode.BAD_USER_INPUT }
      : (formatted.extensions ?? {});
    const extensions = Object.fromEntries(CLIENT_EXTENSIONS.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]]));
    const code = extensions.code;
    if (typeof code !== 'string' || !CLIENT_CODES.has(code) || LEAK.test(formatted.message)) {
      log(error);
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(extensions.serviceName ? { serviceName: extensions.serviceName } : {}) },
      };
    }
    return { ...formatted, extensions };
  };
}
