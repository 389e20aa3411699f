import DataLoader from 'dataloader';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { NhsService } from './nhs-service.js';

/** Every service, read once per request (a handful of reference rows), by code. */
export function servicesOf(ctx: SubgraphContext): Promise<Map<string, NhsService>> {
  return ctx.loaders
    .get('health:services', () =>
      new DataLoader<'all', Map<string, NhsService>>(async (keys) => {
        const rows = await ctx.db.getRepository(NhsService).find({ order: { code: 'ASC' } });
        const byCode = new Map(rows.map((row) => [row.code, row]));
        return keys.map(() => byCode);
      }),
    )
    .load('all');
}

@Resolver(() => NhsService)
export class NhsServiceResolver {
  @Query(() => [NhsService], { description: 'Every community and specialist children’s service the trust runs waiting lists for, by code.' })
  async nhsServices(@Ctx() ctx: SubgraphContext): Promise<NhsService[]> {
    return [...(await servicesOf(ctx)).values()];
  }
}
