import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS } from '@local-area-graph/platform';

// Federation's own machinery, described (or not) by Apollo, not by us.
const FEDERATION = /^(_Any|_Entity|_Service|link__.*|federation__.*|join__.*|FieldSet|Query|Mutation)$/;
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/** Every type, field, argument and enum value a subgraph defines that has no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const own = !FEDERATION.test(type.name);
    if (own && !type.description) missing.push(type.name);
    if ((isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) && type.name !== '_Service') {
      for (const field of Object.values(type.getFields())) {
        if (FEDERATION_FIELDS.has(field.name)) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type) && own) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    if (isUnionType(type) || isScalarType(type)) continue;
  }
  return missing;
}

describe('the schema is the manual', () => {
  for (const subgraph of SUBGRAPHS) {
    it(`${subgraph.name}: every type, field, argument and enum value has a description`, async () => {
      expect(undescribed(await subgraph.buildSchema())).toEqual([]);
    });
  }
});
