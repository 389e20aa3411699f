import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { assertIdentifier, LaCodeScalar } from '@local-area-graph/identifiers';
import { notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { LocalArea } from './local-area.js';
import { Locality } from '../locality/locality.js';

@Resolver(() => LocalArea)
export class LocalAreaResolver {
  @Query(() => LocalArea, { description: 'One local area by its ONS code, e.g. E10000016 for Kent.' })
  async localArea(
    @Arg('code', () => LaCodeScalar, { description: "The area's ONS code." }) code: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LocalArea> {
    const area = await ctx.loaders.one(LocalArea, 'code').load(assertIdentifier('LaCode', code, 'code'));
    if (!area) throw notFound('local area', code, 'code');
    return area;
  }

  @Query(() => [LocalArea], { description: 'Every local area on this platform, by name.' })
  localAreas(@Ctx() ctx: SubgraphContext): Promise<LocalArea[]> {
    return ctx.db.getRepository(LocalArea).find({ order: { name: 'ASC' } });
  }

  @FieldResolver(() => [Locality], { description: 'The localities of this area, by name.' })
  localities(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<Locality[]> {
    return ctx.loaders.many(Locality, 'localAreaCode', { name: 'ASC' }).load(area.code);
  }
}

export const resolveLocalAreaReference = (reference: { code: string }, ctx: SubgraphContext) =>
  ctx.loaders.one(LocalArea, 'code').load(reference.code);
