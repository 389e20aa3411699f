import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, monthsBetween } from '@local-area-graph/identifiers';
import { badUserInput, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { todayInEngland } from '../calendar.js';
import { ProtectedCount, protectCount, toProtectedCount } from '@local-area-graph/disclosure';
import { EhcTimelinessMonth, OpenRequestsByWeekBand, PlansByPrimaryNeed, protectBands, protectPlansByNeed, protectTimelinessMonth } from './area-figures.js';
import { openBandsLoader, overdueReviewsLoader, plansByNeedLoader, timelinessLoader, type AreaScope } from './area-figures.loaders.js';

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

async function overdue(ctx: SubgraphContext, scope: AreaScope, key: string, asOf: string | null | undefined): Promise<ProtectedCount> {
  return toProtectedCount(protectCount(await overdueReviewsLoader(ctx, scope, asOf ?? todayInEngland()).load(key), 'DFE'));
}

async function byNeed(ctx: SubgraphContext, scope: AreaScope, key: string, asOf: string | null | undefined): Promise<PlansByPrimaryNeed> {
  const day = asOf ?? todayInEngland();
  return protectPlansByNeed(await plansByNeedLoader(ctx, scope, day).load(key), day);
}

const OVERDUE =
  'Current EHC plans whose annual review is past due on a day: more than 12 months since the last review meeting, or since the plan started when it has had none. A count of 1 to 5 is withheld.';
const BY_NEED = 'Current EHC plans on a day by the primary need they record, small counts withheld.';
const PLAN_AS_OF = { nullable: true, description: 'The day to count plans on, e.g. "2026-11-20"; today when left out.' };
const IN_LOCALITY =
  'For plans whose request came in while the child lived in this locality; plans transferred in from another local authority have no request and are counted only across the whole area.';
const IN_AREA = 'Across the whole local area, plans transferred in from another local authority included.';

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

  @FieldResolver(() => ProtectedCount, { description: `${OVERDUE} ${IN_LOCALITY}` })
  overdueAnnualReviews(
    @Root() locality: Locality,
    @Arg('asOf', () => LocalDateScalar, PLAN_AS_OF) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProtectedCount> {
    return overdue(ctx, 'locality', locality.id, asOf);
  }

  @FieldResolver(() => PlansByPrimaryNeed, { description: `${BY_NEED} ${IN_LOCALITY}` })
  plansByPrimaryNeed(
    @Root() locality: Locality,
    @Arg('asOf', () => LocalDateScalar, PLAN_AS_OF) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PlansByPrimaryNeed> {
    return byNeed(ctx, 'locality', locality.id, asOf);
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

  @FieldResolver(() => ProtectedCount, { description: `${OVERDUE} ${IN_AREA}` })
  overdueAnnualReviews(
    @Root() area: LocalArea,
    @Arg('asOf', () => LocalDateScalar, PLAN_AS_OF) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProtectedCount> {
    return overdue(ctx, 'area', area.code, asOf);
  }

  @FieldResolver(() => PlansByPrimaryNeed, { description: `${BY_NEED} ${IN_AREA}` })
  plansByPrimaryNeed(
    @Root() area: LocalArea,
    @Arg('asOf', () => LocalDateScalar, PLAN_AS_OF) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PlansByPrimaryNeed> {
    return byNeed(ctx, 'area', area.code, asOf);
  }
}
