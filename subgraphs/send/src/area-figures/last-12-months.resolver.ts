import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { completeMonthsBefore } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { todayInEngland } from '../calendar.js';
import { EhcTimelinessMonth, protectTimelinessMonth } from './area-figures.js';
import { timelinessLoader, type AreaScope } from './area-figures.loaders.js';

/*
 * The same figures as `ehcTimeliness(from, to)` over a fixed window, with no argument,
 * so that another subgraph can name them in `@requires` (a field set cannot carry a
 * date that moves with today): the commissioning board rates its measures on them.
 * Nothing is published here that `ehcTimeliness` does not already publish month by month.
 */
async function last12Months(ctx: SubgraphContext, scope: AreaScope, key: string): Promise<EhcTimelinessMonth[]> {
  const { from, to } = completeMonthsBefore(todayInEngland(), 12);
  return (await timelinessLoader(ctx, scope, from, to).load(key)).map(protectTimelinessMonth);
}

const DESCRIPTION =
  'EHC plans issued in each of the 12 complete calendar months before this one, oldest first, and how many came within 20 weeks: the same figures as ehcTimeliness over those months, small counts withheld.';

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => Locality)
export class LocalityLast12MonthsResolver {
  @FieldResolver(() => [EhcTimelinessMonth], { description: `${DESCRIPTION} For children living in this locality when the request came in.` })
  ehcTimelinessLast12Months(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<EhcTimelinessMonth[]> {
    return last12Months(ctx, 'locality', locality.id);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaLast12MonthsResolver {
  @FieldResolver(() => [EhcTimelinessMonth], { description: `${DESCRIPTION} Across the whole local area.` })
  ehcTimelinessLast12Months(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<EhcTimelinessMonth[]> {
    return last12Months(ctx, 'area', area.code);
  }
}
