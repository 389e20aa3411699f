import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { InvalidIdentifierError } from '@local-area-graph/identifiers';

function isInvalidIdentifier(error: GraphQLError): boolean {
  let current: unknown = error;
  while (current instanceof GraphQLError) {
    if (current instanceof InvalidIdentifierError) return true;
    if (!current.originalError || current.originalError === current) return false;
    current = current.originalError;
  }
  return current instanceof InvalidIdentifierError;
}

/**
 * The argument (or `argument.field` inside an input object) where a bad value sits:
 * either the literal node graphql-js rejected, or every place the rejected variable is used.
 */
export function argumentAt(document: DocumentNode, node: ASTNode): string | undefined {
  const variable = node.kind === Kind.VARIABLE_DEFINITION ? node.variable.name.value : undefined;
  const start = node.loc?.start;
  const path: string[] = [];
  const found: string[] = [];
  visit(document, {
    Argument: { enter: (argument) => void path.push(argument.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (field) => void path.push(field.name.value), leave: () => void path.pop() },
    Variable(usage, _key, parent) {
      if (variable && usage.name.value === variable && path.length > 0 && !(parent && 'kind' in (parent as object) && (parent as ASTNode).kind === Kind.VARIABLE_DEFINITION)) {
        found.push(path.join('.'));
      }
    },
    enter(visited) {
      if (!variable && start !== undefined && visited.loc?.start === start && visited.kind === node.kind && path.length > 0) found.push(path.join('.'));
    },
  });
  return found.length > 0 ? [...new Set(found)].join(', ') : undefined;
}

/**
 * graphql-js rejects a bad identifier (a wrong NHS number check digit, say) before any
 * resolver runs, so the error does not say which argument was at fault. This finds it
 * in the operation and adds `extensions.argument`, as a resolver's own check would.
 */
export const argumentNamingPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, document }) {
        if (!document) return;
        for (const error of errors) {
          const node = error.nodes?.[0];
          if (!node || !isInvalidIdentifier(error)) continue;
          const argument = argumentAt(document, node);
          if (argument) (error.extensions as Record<string, unknown>).argument = argument;
        }
      },
    };
  },
};
