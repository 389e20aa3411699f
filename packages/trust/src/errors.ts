import { GraphQLError } from 'graphql';

/** No valid identity: HTTP 401 with code UNAUTHENTICATED, before anything runs. */
export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Not signed in: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
  });
}

/** The request is understood but malformed outside the query (a header), HTTP 400. */
export function badRequestHeader(header: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', header, http: { status: 400 } } });
}
