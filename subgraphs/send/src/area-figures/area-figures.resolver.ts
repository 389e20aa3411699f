import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { badUserInput, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { todayInEngland } from '../calendar.js';
import { EhcTimelinessMonth, OpenRequestsByWeekBand, protectBands, protectTimelinessMonth } from './area-figures.js';
import { monthsBetween, openBandsLoader, timelinessLoader, type AreaScope } from './area-figures.loaders.js';

/** A board looks back at most three years; a longer range is a mistake, not a report. */
export const MAX_MONTHS = 36;

function checkRange(from: string, to: string): void {
  if (from > to) throw badUserInput(`"to" (${to}) comes before "from" (${from}): give the earlier date first.`, 'to');
  if (monthsBetween(from, to).length > MAX_MONTHS) {
    throw badUserInput(`From ${from} to ${to} spans more than ${MAX_MONTHS} months: ask for ${MAX_MONTHS} months or fewer.`, 'to');
  }
}

async function timeliness(ctx: SubgraphContext, scope: AreaScope, key: string, from: string, to: string): Promise<EhcTimelinessMonth[]> {
  checkRange(from, to);
  return (await timelinessLoader(ctx, scope, from, to).load(key)).map(protectTimelinessMonth);
}

async function bands(ctx: SubgraphContext, scope: AreaScope, key: string, asOf: string | null | undefined): Promise<OpenRequestsByWeekBand> {
  const day = asOf ?? todayInEngland();
  return protectBands(await openBandsLoader(ctx, scope, day).load(key), day);
}

const TIMELINESS = 'EHC plans issued month by month between two dates, and how many came within 20 weeks of the request, small counts withheld.';
const BANDS = 'Requests for an EHC needs assessment open on a day, by weeks since the request, small counts withheld.';
const FROM = { description: 'The first day to count plans issued from, e.g. "2025-04-01".' };
const TO = { description: 'The last day to count plans issued to, e.g. "2026-03-31"; at most 36 months after `from`.' };
const AS_OF = { nullable: true, description: 'The day to count open requests on, e.g. "2026-11-20"; today when left out.' };

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => Locality)
export class LocalityAreaFiguresResolver {
  @FieldResolver(() => [EhcTimelinessMonth], { description: `${TIMELINESS} For children living in this locality when the request came in.` })
  ehcTimeliness(
    @Root() locality: Locality,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EhcTimelinessMonth[]> {
    return timeliness(ctx, 'locality', locality.id, from, to);
  }

  @FieldResolver(() => OpenRequestsByWeekBand, { description: `${BANDS} For children living in this locality when the request came in.` })
  openRequestsByWeekBand(
    @Root() locality: Locality,
    @Arg('asOf', () => LocalDateScalar, AS_OF) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OpenRequestsByWeekBand> {
    return bands(ctx, 'locality', locality.id, asOf);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaFiguresResolver {
  @FieldResolver(() => [EhcTimelinessMonth], { description: `${TIMELINESS} Across the whole local area.` })
  ehcTimeliness(
    @Root() area: LocalArea,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EhcTimelinessMonth[]> {
    return timeliness(ctx, 'area', area.code, from, to);
  }

  @FieldResolver(() => OpenRequestsByWeekBand, { description: `${BANDS} Across the whole local area.` })
  openRequestsByWeekBand(
    @Root() area: LocalArea,
    @Arg('asOf', () => LocalDateScalar, AS_OF) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OpenRequestsByWeekBand> {
    return bands(ctx, 'area', area.code, asOf);
  }
}
