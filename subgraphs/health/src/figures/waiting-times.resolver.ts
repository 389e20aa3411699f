import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, monthsBetween } from '@local-area-graph/identifiers';
import { badUserInput, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { NhsService } from '../service/nhs-service.js';
import { servicesOf } from '../service/nhs-service.resolver.js';
import { protectWaitingTimesMonth, WaitingTimesMonth } from './waiting-times.js';
import { waitingTimesOf, type WaitingScope } from './waiting-times.loaders.js';

/** A board looks back at most three years; a longer range is a mistake, not a report. */
export const MAX_MONTHS = 36;
const AUTISM = 'ASD_ASSESSMENT';

async function waitingTimes(ctx: SubgraphContext, scope: WaitingScope, key: string, serviceCode: string | null, from: string, to: string): Promise<WaitingTimesMonth[]> {
  if (from > to) throw badUserInput(`"to" (${to}) comes before "from" (${from}): give the earlier date first.`, 'to');
  if (monthsBetween(from, to).length > MAX_MONTHS) {
    throw badUserInput(`From ${from} to ${to} spans more than ${MAX_MONTHS} months: ask for ${MAX_MONTHS} months or fewer.`, 'to');
  }
  const services = await servicesOf(ctx);
  if (serviceCode !== null && !services.has(serviceCode)) throw notFound('NHS service', serviceCode, 'serviceCode');
  const only = scope === 'service' ? key : serviceCode;
  const autism = only === AUTISM;
  const standards = only === null ? [...services.values()].some((s) => s.standardWeeks !== null) : (services.get(only)?.standardWeeks ?? null) !== null;
  return (await waitingTimesOf(ctx, scope, serviceCode, key, from, to)).map((counts) => protectWaitingTimesMonth(counts, autism, standards));
}

const DESCRIPTION =
  "Waiting times month by month between two dates, as of each month end: children waiting, median and 92nd percentile weeks, the share under 18 weeks, 52-week waits, waits beyond each service's own standard and the weeks-waited bands, small counts withheld.";
const SERVICE = { nullable: true, description: 'One service\'s code, e.g. "CAMHS"; every service together when left out.' };
const FROM = { description: 'A day in the first month, e.g. "2025-04-01".' };
const TO = { description: 'A day in the last month, e.g. "2026-03-31"; at most 36 months after `from`.' };

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => Locality)
export class LocalityWaitingTimesResolver {
  @FieldResolver(() => [WaitingTimesMonth], { description: `${DESCRIPTION} For children living in this locality when referred.` })
  waitingTimes(
    @Root() locality: Locality,
    @Arg('serviceCode', () => String, SERVICE) serviceCode: string | null | undefined,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WaitingTimesMonth[]> {
    return waitingTimes(ctx, 'locality', locality.id, serviceCode ?? null, from, to);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaWaitingTimesResolver {
  @FieldResolver(() => [WaitingTimesMonth], { description: `${DESCRIPTION} Across the whole local area.` })
  waitingTimes(
    @Root() area: LocalArea,
    @Arg('serviceCode', () => String, SERVICE) serviceCode: string | null | undefined,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WaitingTimesMonth[]> {
    return waitingTimes(ctx, 'area', area.code, serviceCode ?? null, from, to);
  }
}

@Resolver(() => NhsService)
export class NhsServiceWaitingTimesResolver {
  @FieldResolver(() => [WaitingTimesMonth], { description: `${DESCRIPTION} Every child on this service's list, wherever they live.` })
  waitingTimes(
    @Root() service: NhsService,
    @Arg('from', () => LocalDateScalar, FROM) from: string,
    @Arg('to', () => LocalDateScalar, TO) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WaitingTimesMonth[]> {
    return waitingTimes(ctx, 'service', service.code, null, from, to);
  }
}
