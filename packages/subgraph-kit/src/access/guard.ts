import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { SubgraphContext } from '../context.js';
import { forbidden } from './decisions.js';

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** A type whose fields are a child's personal data, and how to tell which child a value is about. */
export interface PersonalType {
  childOf: (value: never) => string;
  /** Fields of the type that say nothing about the child (such as its opaque id). */
  except?: readonly string[];
}

/**
 * Wraps every personal field so that it answers only when the viewer may see that
 * child (else null with FORBIDDEN), and records each answered read for the audit.
 * Done once at schema build, so the check cannot be forgotten in one resolver, and
 * it covers root fields and `_entities` alike.
 */
export function guardPersonalData(schema: GraphQLSchema, personal: Record<string, PersonalType>): GraphQLSchema {
  for (const [typeName, config] of Object.entries(personal)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`Personal data type ${typeName} is not an object type of this subgraph`);
    for (const field of Object.values(type.getFields())) {
      if (config.except?.includes(field.name) || field.name === '__typename') continue;
      if (field.type.toString().endsWith('!')) {
        throw new Error(`${typeName}.${field.name} is personal data, so it must be nullable: a viewer who may not see it gets null with FORBIDDEN.`);
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${typeName}.${field.name}`;
      const checkFirst = async (childId: string, source: unknown, args: unknown, context: SubgraphContext, info: never) => {
        await context.access.assertMaySee(childId, name);
        const value = await resolve(source, args as never, context, info);
        context.audit.record(childId, name);
        return value;
      };
      field.resolve = (source, args, context: SubgraphContext, info) => {
        const childId = config.childOf(source as never);
        // The child's first field waits for the decision; the rest of its fields (a
        // picture has hundreds) are checked against it at once, without a promise each.
        const decision = context.access.decided(childId);
        if (!decision) return checkFirst(childId, source, args, context, info as never);
        if (!decision.allowed) throw forbidden(name, decision.reason);
        const value = resolve(source, args, context, info);
        if (isPromiseLike(value)) {
          return Promise.resolve(value).then((resolved) => {
            context.audit.record(childId, name);
            return resolved;
          });
        }
        context.audit.record(childId, name);
        return value;
      };
    }
  }
  return schema;
}
