import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { completeMonthsBefore, LocalDateScalar, monthsBetween } from '@local-area-graph/identifiers';
import { badUserInput, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { todayInEngland } from '../calendar.js';
import { protectSuspensionsMonth, SuspensionsMonth } from './suspension-figures.js';
import { suspensionFiguresOf, type SuspensionScope } from './suspension-figures.loaders.js';

/** A board looks back at most three years; a longer range is a mistake, not a report. */
export const MAX_MONTHS = 36;

async function byMonth(ctx: SubgraphContext, scope: SuspensionScope, key: string, from: string, to: string): Promise<SuspensionsMonth[]> {
  return (await suspensionFiguresOf(ctx, scope, key, from, to)).map(protectSuspensionsMonth);
}

function checkRange(from: string, to: string): void {
  if (from > to) throw badUserInput(`"to" (${to}) comes before "from" (${from}): give the earlier date first.`, 'to');
  if (monthsBetween(from, to).length > MAX_MONTHS) {
    throw badUserInput(`From ${from} to ${to} spans more than ${MAX_MONTHS} months: ask for ${MAX_MONTHS} months or fewer.`, 'to');
  }
}

/*
 * `suspensionsLast12Months` is `suspensionsByMonth` over a fixed window with no
 * argument, so that another subgraph can name it in `@requires` (a field set cannot
 * carry a date that moves with today): the commissioning board rates its measures on it.
 */
const last12 = (ctx: SubgraphContext, scope: SuspensionScope, key: string) => {
  const { from, to } = completeMonthsBefore(todayInEngland(), 12);
  return byMonth(ctx, scope, key, from, to);
};

const BY_MONTH = 'Suspensions started month by month between two dates, of pupils with and without SEN, small counts withheld.';
const LAST_12 =
  'Suspensions started in each of the 12 complete calendar months before this one, oldest first, of pupils with and without SEN: the same figures as suspensionsByMonth over those months, small counts withheld.';
const FROM = { description: 'A day in the first month, e.g. "2025-09-01".' };
const TO = { description: 'A day in the last month, e.g. "2026-07-31"; at most 36 months after `from`.' };
const IN_LOCALITY = 'At the schools in this locality.';
const IN_AREA = 'At every school in the local area.';

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => Locality)
export class LocalitySuspensionFiguresResolver {
  @FieldResolver(() => [SuspensionsMonth], { description: `${BY_MONTH} ${IN_LOCALITY}` })
  suspensionsByMonth(
    @Root() locality: Locality,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SuspensionsMonth[]> {
    checkRange(from, to);
    return byMonth(ctx, 'locality', locality.id, from, to);
  }

  @FieldResolver(() => [SuspensionsMonth], { description: `${LAST_12} ${IN_LOCALITY}` })
  suspensionsLast12Months(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<SuspensionsMonth[]> {
    return last12(ctx, 'locality', locality.id);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaSuspensionFiguresResolver {
  @FieldResolver(() => [SuspensionsMonth], { description: `${BY_MONTH} ${IN_AREA}` })
  suspensionsByMonth(
    @Root() area: LocalArea,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SuspensionsMonth[]> {
    checkRange(from, to);
    return byMonth(ctx, 'area', area.code, from, to);
  }

  @FieldResolver(() => [SuspensionsMonth], { description: `${LAST_12} ${IN_AREA}` })
  suspensionsLast12Months(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<SuspensionsMonth[]> {
    return last12(ctx, 'area', area.code);
  }
}
