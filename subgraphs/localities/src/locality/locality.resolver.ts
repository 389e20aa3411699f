import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from './locality.js';
import { LocalArea } from '../local-area/local-area.js';
import { Professional } from '../professional/professional.js';

@Resolver(() => Locality)
export class LocalityResolver {
  @Query(() => Locality, { description: 'One locality by id.' })
  async locality(@Arg('id', () => ID, { description: "The locality's id." }) id: string, @Ctx() ctx: SubgraphContext): Promise<Locality> {
    const locality = await ctx.loaders.one(Locality, 'id').load(id);
    if (!locality) throw notFound('locality', id, 'id');
    return locality;
  }

  @FieldResolver(() => LocalArea, { description: 'The local area this locality belongs to.' })
  async localArea(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<LocalArea | null> {
    return ctx.loaders.one(LocalArea, 'code').load(locality.localAreaCode);
  }

  @FieldResolver(() => [Professional], { description: 'Professionals based in this locality, by surname.' })
  async professionals(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<Professional[]> {
    return ctx.loaders.many(Professional, 'localityId', { familyName: 'ASC', givenName: 'ASC' }).load(locality.id);
  }
}

export const resolveLocalityReference = (reference: { id: string }, ctx: SubgraphContext) =>
  ctx.loaders.one(Locality, 'id').load(reference.id);
