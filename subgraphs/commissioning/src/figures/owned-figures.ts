import { Directive, Field, ObjectType } from 'type-graphql';
import { ProtectedCount, ProtectedStatistic } from '@local-area-graph/disclosure';

/*
 * The figures other subgraphs own, declared here only as far as this subgraph reads
 * them: every type is @external, so the gateway fetches its fields from the owner and
 * hands them over in the LocalArea or Locality representation (`@requires`). This
 * subgraph never resolves them itself. Type descriptions are the owners' word for
 * word: composition takes a shared type's description from either side.
 */

@ObjectType({ description: 'The EHC plans issued in one calendar month and how many came within 20 weeks of the request: the headline figure of SEND inspections (nationally 46.4% in 2024). Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them.' })
@Directive('@external')
export class EhcTimelinessMonth {
  @Field(() => String, { description: 'The month the final plans were issued, written "2025-04".' })
  month: string;

  @Field(() => ProtectedStatistic, { description: 'Share of plans issued within 20 weeks, from 0 to 1, exception cases left out of both sides.' })
  share: ProtectedStatistic;
}

@ObjectType({ description: "Waiting times on the last day of one month, worked out from each wait's referral, first contact and removal dates as they stood that day (not from a snapshot). Counts follow the NHS rule (1 to 7 withheld, others rounded to 5); statistics over fewer than 8 children are withheld." })
@Directive('@external')
export class WaitingTimesMonth {
  @Field(() => String, { description: 'The month, written "2026-03".' })
  month: string;

  @Field(() => ProtectedCount, { description: 'Children waiting 52 weeks or more at the month end.' })
  over52Weeks: ProtectedCount;

  @Field(() => ProtectedStatistic, { description: 'The share of those waiting at the month end who had waited under 18 weeks.' })
  shareUnder18Weeks: ProtectedStatistic;
}

@ObjectType({ description: "One service's waiting times at each of the 12 month ends before this month, NHS disclosure rule." })
@Directive('@external')
export class ServiceWaitingTimes {
  @Field(() => String, { description: 'The service\'s code, e.g. "CAMHS".' })
  serviceCode: string;

  @Field(() => [WaitingTimesMonth], { description: 'The 12 complete calendar months before this one, oldest first, as of each month end.' })
  months: WaitingTimesMonth[];
}

@ObjectType({ description: 'Suspensions (fixed-period and lunchtime) that started in one calendar month, split by whether the pupil had SEN (SEN support or an EHC plan) that day: what a SEND board watches for inclusive practice. Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them. Permanent exclusions are not counted.' })
@Directive('@external')
export class SuspensionsMonth {
  @Field(() => String, { description: 'The month the suspensions started, written "2026-03".' })
  month: string;

  @Field(() => ProtectedCount, { description: 'Suspensions of pupils who had SEN support or an EHC plan on the day the suspension started.' })
  ofPupilsWithSen: ProtectedCount;
}

@ObjectType({
  description:
    "A locality's requests for support in one calendar month: how many came in, how quickly the single point of contact answered, how many coordinated plans were open and how they ended. Counts of 1 to 5 are withheld (DfE rule), with another withheld where a total would reveal them; a share or median over fewer than 6 requests is withheld.",
})
@Directive('@external')
export class LocalitySupportMonth {
  @Field(() => String, { description: 'The month, written "2026-04" (dates in England).' })
  month: string;

  @Field(() => ProtectedStatistic, {
    description:
      'Share of the requests received in the month that were answered within 2 working days, from 0 to 1. Requests still inside their 2 working days without an answer are left out until they are answered or their time runs out.',
  })
  shareAnsweredWithin2WorkingDays: ProtectedStatistic;
}
