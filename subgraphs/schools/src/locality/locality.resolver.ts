import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from './locality.js';
import { School } from '../school/school.js';

@Resolver(() => Locality)
export class LocalityResolver {
  @FieldResolver(() => [School], { description: 'The schools in this locality, by name.' })
  schools(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<School[]> {
    return ctx.loaders.many(School, 'localityId', { name: 'ASC', urn: 'ASC' }).load(locality.id);
  }
}

/** Localities belong to the localities service: any id is taken at its word, without a query. */
export const resolveLocalityReference = (reference: { id: string }): Locality => ({ id: reference.id });
