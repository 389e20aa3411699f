import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { completeMonthsBefore, todayInEngland } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Locality } from '../locality/locality.js';
import { LocalArea } from '../locality/local-area.js';
import { servicesOf } from '../service/nhs-service.resolver.js';
import { protectWaitingTimesMonth, WaitingTimesMonth } from './waiting-times.js';
import { waitingTimesOf, type WaitingScope } from './waiting-times.loaders.js';

const AUTISM = 'ASD_ASSESSMENT';

@ObjectType({ description: "One service's waiting times at each of the 12 month ends before this month, NHS disclosure rule." })
export class ServiceWaitingTimes {
  @Field(() => String, { description: 'The service\'s code, e.g. "CAMHS".' })
  serviceCode: string;

  @Field(() => [WaitingTimesMonth], { description: 'The 12 complete calendar months before this one, oldest first, as of each month end.' })
  months: WaitingTimesMonth[];
}

/*
 * The same figures as `waitingTimes(serviceCode, from, to)` over a fixed window, one
 * list per service, with no argument, so that another subgraph can name them in
 * `@requires` (a field set cannot carry a date that moves with today): the
 * commissioning board rates its measures on them. Every service goes through the same
 * batched loader as `waitingTimes`, so the figures are the same by construction, and
 * the stored months of every service, locality and area of a request are read in one
 * statement.
 */
async function last12Months(ctx: SubgraphContext, scope: WaitingScope, key: string): Promise<ServiceWaitingTimes[]> {
  const { from, to } = completeMonthsBefore(todayInEngland(), 12);
  const services = await servicesOf(ctx);
  return Promise.all(
    [...services.keys()].map(async (serviceCode) =>
      Object.assign(new ServiceWaitingTimes(), {
        serviceCode,
        months: (await waitingTimesOf(ctx, scope, serviceCode, key, from, to)).map((counts) =>
          protectWaitingTimesMonth(counts, serviceCode === AUTISM, (services.get(serviceCode)?.standardWeeks ?? null) !== null),
        ),
      }),
    ),
  );
}

const DESCRIPTION =
  'Waiting times of every service, by service code, at each of the 12 month ends before this month: the same figures as waitingTimes(serviceCode, from, to) over those months, small counts withheld.';

// Aggregates carry no personal data: every role may read them, analysts included.
@Resolver(() => Locality)
export class LocalityWaitingTimesLast12MonthsResolver {
  @FieldResolver(() => [ServiceWaitingTimes], { description: `${DESCRIPTION} For children living in this locality when referred.` })
  waitingTimesLast12Months(@Root() locality: Locality, @Ctx() ctx: SubgraphContext): Promise<ServiceWaitingTimes[]> {
    return last12Months(ctx, 'locality', locality.id);
  }
}

@Resolver(() => LocalArea)
export class LocalAreaWaitingTimesLast12MonthsResolver {
  @FieldResolver(() => [ServiceWaitingTimes], { description: `${DESCRIPTION} Across the whole local area.` })
  waitingTimesLast12Months(@Root() area: LocalArea, @Ctx() ctx: SubgraphContext): Promise<ServiceWaitingTimes[]> {
    return last12Months(ctx, 'area', area.code);
  }
}
