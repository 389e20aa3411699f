import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { completeMonthsBefore, LocalDateScalar, todayInEngland, monthsBetween } from '@local-area-graph/identifiers';
import { badUserInput, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { LocalArea } from '../local-area/local-area.js';
import { Locality } from '../locality/locality.js';
import { LocalitySupportMonth, protectSupportMonth } from './support-figures.js';
import { supportFiguresOf, type SupportScope } from './support-figures.loaders.js';

/** A board looks back at most three years; a longer range is a mistake, not a report. */
export const MAX_MONTHS = 36;

async function figures(ctx: SubgraphContext, scope: SupportScope, key: string, from: string, to: string): Promise<LocalitySupportMonth[]> {
  if (from > to) throw badUserInput(`"to" (${to}) comes before "from" (${from}): give the earlier date first.`, 'to');
  if (monthsBetween(from, to).length > MAX_MONTHS) throw badUserInput(`From ${from} to ${to} spans more than ${MAX_MONTHS} months: ask for ${MAX_MONTHS} months or fewer.`, 'to');
  return (await supportFiguresOf(ctx, scope, key, from, to, todayInEngland())).map(protectSupportMonth);
}

/*
 * The same figures as `supportFigures(from, to)` over a fixed window, with no argument,
 * so that another subgraph can name them in `@requires` (a field set cannot carry a
 * date that moves with today): the commissioning board rates its 2-working-day measure
 * on them. It is the same loader with the same key as `supportFigures` given the
 * window's first and last days (asked together, one batch answers both), so the
 * figures are the same by construction and nothing is published here that
 * `supportFigures` does not already publish.
 */
async function last12Months(ctx: SubgraphContext, scope: SupportScope, key: string): Promise<LocalitySupportMonth[]> {
  const today = todayInEngland();
  const { from, to } = completeMonthsBefore(today, 12);
  return (await supportFiguresOf(ctx, scope, key, from, to, today)).map(protectSupportMonth);
}

const DESCRIPTION =
  "Requests for locality support month by month: received, share answered by the single point of contact within 2 working days, median working days to respond, coordinated plans open and outcomes by kind, small counts withheld (DfE rule).";
const LAST_12 =
  "Requests for locality support in each of the 12 complete calendar months before this one, oldest first: the same figures as supportFigures over those months (received, share answered within 2 working days, median working days to respond, plans open, outcomes), small counts withheld (DfE rule).";
const FROM = { description: 'A day in the first month, e.g. "2025-09-01".' };
const TO = { description: 'A day in the last month, e.g. "2026-08-31"; at most 36 months after `from`.' };

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => Locality)
export class LocalitySupportFiguresResolver {
  @FieldResolver(() => [LocalitySupportMonth], { description: `${DESCRIPTION} For requests sent to this locality.` })
  supportFigures(
    @Root() locality: Locality,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LocalitySupportMonth[]> {
    return figures(ctx, 'locality', locality.id, from, to);
  }

  @FieldResolver(() => [LocalitySupportMonth], { description: `${LAST_12} For requests sent to this locality.` })
  supportFiguresLast12Months(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<LocalitySupportMonth[]> {
    return last12Months(ctx, 'locality', locality.id);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaSupportFiguresResolver {
  @FieldResolver(() => [LocalitySupportMonth], { description: `${DESCRIPTION} Across every locality of the area.` })
  supportFigures(
    @Root() area: LocalArea,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LocalitySupportMonth[]> {
    return figures(ctx, 'area', area.code, from, to);
  }

  @FieldResolver(() => [LocalitySupportMonth], { description: `${LAST_12} Across every locality of the area.` })
  supportFiguresLast12Months(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<LocalitySupportMonth[]> {
    return last12Months(ctx, 'area', area.code);
  }
}
