import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ProtectedCount, protectCount, toProtectedCount } from '@local-area-graph/disclosure';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { School, SchoolSend } from './school.js';
import { todayInEngland } from '../calendar.js';

/** Current plans naming each school: one GROUP BY for every school in the request. */
function plansNamingLoader(ctx: SubgraphContext, today: string): DataLoader<string, number> {
  return ctx.loaders.get(`plansNaming:${today}`, () =>
    new DataLoader<string, number>(async (urns) => {
      const rows: { urn: string; plans: number }[] = await ctx.db.query(
        `SELECT placement_urn AS urn, count(*)::int AS plans
           FROM ehc_plan
          WHERE placement_urn = ANY($1::text[]) AND (cease_date IS NULL OR cease_date > $2)
          GROUP BY placement_urn`,
        [urns, today],
      );
      const byUrn = new Map(rows.map((row) => [row.urn, row.plans]));
      return urns.map((urn) => byUrn.get(urn) ?? 0);
    }),
  );
}

@Resolver(() => School)
export class SchoolResolver {
  // Nullable so that, should this service be down, the school's other fields still answer.
  @FieldResolver(() => SchoolSend, {
    nullable: true,
    description: "What the SEND service knows of the school: the EHC plans naming it, its readiness to meet needs, and its children's needs radar profile.",
  })
  send(@Root() school: School): SchoolSend {
    return { urn: school.urn };
  }
}

// An aggregate: every role may read it, analysts included.
@Resolver(() => SchoolSend)
export class SchoolSendResolver {
  @FieldResolver(() => ProtectedCount, {
    description: 'How many EHC plans maintained today name this school as the placement. A count of 1 to 5 is withheld (DfE rule).',
  })
  async ehcPlansNamingIt(@Root() send: SchoolSend, @Ctx() ctx: SubgraphContext): Promise<ProtectedCount> {
    return toProtectedCount(protectCount(await plansNamingLoader(ctx, todayInEngland()).load(send.urn), 'DFE'));
  }
}
