import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives, type IResolvers } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { guardPersonalData, type PersonalType } from './access/guard.js';
import type { SubgraphContext } from './context.js';

/** The Federation 2 version every subgraph links, so they compose alike. */
export const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.9';
const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
  '@override',
  '@interfaceObject',
];

/** `__resolveReference` per entity type name; given the key fields, it returns the entity. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never, info: never) => unknown }>;

type ReferenceResolver = ReferenceResolvers[string]['__resolveReference'];

/**
 * A representation that carries a care-team pass (an entity field that
 * `@requires(fields: "careTeamPass")`) has it checked before the entity resolves,
 * so every field read afterwards in this request sees the relationship it proves.
 */
function admittingCareTeamPass(resolve: ReferenceResolver): ReferenceResolver {
  return (async (reference: { careTeamPass?: unknown }, context: SubgraphContext, info: never) => {
    if (typeof reference.careTeamPass === 'string') await context.careTeam.admit(reference.careTeamPass);
    return resolve(reference as never, context as never, info);
  }) as ReferenceResolver;
}

/**
 * The one place a type-graphql schema becomes a Federation 2 subgraph: type-graphql
 * builds the types and resolvers (with their `@key` directives), then
 * @apollo/subgraph adds `_entities` and `_service`, merging in each entity's
 * reference resolver. Every subgraph calls this, none repeats it.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
  /** The types whose fields are a child's personal data: guarded and audited (see access/guard.ts). */
  personalData: Record<string, PersonalType> = {},
): Promise<GraphQLSchema> {
  // skipCheck: a subgraph may extend an entity without declaring any root field.
  const schema = await buildSchema({ ...options, skipCheck: true });
  const sdl = `extend schema @link(url: "${FEDERATION_SPEC}", import: ${JSON.stringify(FEDERATION_IMPORTS)})\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as IResolvers;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: admittingCareTeamPass(reference.__resolveReference) };
  }
  return guardPersonalData(buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never }), personalData);
}
