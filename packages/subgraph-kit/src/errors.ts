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

/**
 * Shapes every error a service returns. A bad identifier in the query text is reported
 * by graphql-js as a validation error; it is still the caller's bad input, so it keeps
 * BAD_USER_INPUT. Anything unexpected is logged in full and reaches the client only as
 * a code, never as SQL or a stack trace.
 */
export function createErrorFormatter(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    if (original instanceof InvalidIdentifierError) {
      return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      log(error);
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    }
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}
