import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Professional } from './professional.js';
import { Locality } from '../locality/locality.js';

@Resolver(() => Professional)
export class ProfessionalResolver {
  @Query(() => Professional, { description: 'One professional by platform id.' })
  async professional(@Arg('id', () => ID, { description: "The professional's platform id." }) id: string, @Ctx() ctx: SubgraphContext): Promise<Professional> {
    const professional = await ctx.loaders.one(Professional, 'id').load(assertUuid(id, 'id'));
    if (!professional) throw notFound('professional', id, 'id');
    return professional;
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The locality they are based in, if they work in one.' })
  locality(@Root() professional: Professional, @Ctx() ctx: SubgraphContext): Promise<Locality | null> | null {
    return professional.localityId ? ctx.loaders.one(Locality, 'id').load(professional.localityId) : null;
  }
}

export const resolveProfessionalReference = (reference: { id: string }, ctx: SubgraphContext) =>
  ctx.loaders.one(Professional, 'id').load(reference.id);
