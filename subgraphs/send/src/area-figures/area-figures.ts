import { Field, ObjectType } from 'type-graphql';
import { ProtectedCount, ProtectedStatistic, protectBreakdown, protectRate, toProtectedCount, toProtectedStatistic } from '@local-area-graph/disclosure';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { SenNeedType } from '../ehc-plan/sen-need-type.js';

@ObjectType({
  description:
    'The EHC plans issued in one calendar month and how many came within 20 weeks of the request: the headline figure of SEND inspections (nationally 46.4% in 2024). Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them.',
})
export class EhcTimelinessMonth {
  @Field(() => String, { description: 'The month the final plans were issued, written "2025-04".' })
  month: string;

  @Field(() => ProtectedCount, { description: 'Final EHC plans issued in the month, exception cases included.' })
  plansIssued: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Plans issued within 20 weeks of the request, exception cases left out.' })
  issuedWithin20Weeks: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Plans issued after more than 20 weeks, exception cases left out.' })
  issuedAfter20Weeks: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Plans where a statutory exception to the 20-week limit applied (regulation 13(3)).' })
  exceptionCases: ProtectedCount;

  @Field(() => ProtectedStatistic, {
    description:
      'Share of plans issued within 20 weeks, from 0 to 1, exception cases left out of both sides (as the DfE publishes it). Withheld when either count behind it is withheld.',
  })
  share: ProtectedStatistic;
}

/** Raw counts of one month, as the SQL GROUP BY returns them. */
export interface TimelinessCounts {
  month: string;
  within: number;
  late: number;
  exceptions: number;
}

export function protectTimelinessMonth(counts: TimelinessCounts): EhcTimelinessMonth {
  const total = counts.within + counts.late + counts.exceptions;
  const { cells, total: plansIssued } = protectBreakdown({ within: counts.within, late: counts.late, exceptions: counts.exceptions }, total, 'DFE');
  // Publishing the share beside a withheld count would give the count back.
  const withheld = [cells.within!, cells.late!].find((cell) => cell.suppressed);
  const share = withheld ?? protectRate(counts.within, counts.within + counts.late, 'DFE');
  return {
    month: counts.month,
    plansIssued: toProtectedCount(plansIssued),
    issuedWithin20Weeks: toProtectedCount(cells.within!),
    issuedAfter20Weeks: toProtectedCount(cells.late!),
    exceptionCases: toProtectedCount(cells.exceptions!),
    share: toProtectedStatistic(share),
  };
}

@ObjectType({
  description:
    'Requests for an EHC needs assessment still open on a day, by how long they have been open: what a SEND board watches to see the backlog. Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them.',
})
export class OpenRequestsByWeekBand {
  @Field(() => LocalDateScalar, { description: 'The day the figures describe.' })
  asOf: string;

  @Field(() => ProtectedCount, { description: 'Every request open on the day: undecided, being assessed, or waiting for its final plan.' })
  total: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Open for less than 6 weeks: within the time for the decision to assess.' })
  under6Weeks: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Open for 6 weeks up to (not including) 16 weeks.' })
  from6To16Weeks: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Open for 16 to 20 weeks: the final plan is due soon.' })
  from16To20Weeks: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Open for more than 20 weeks: past the statutory limit for the final plan.' })
  over20Weeks: ProtectedCount;
}

export interface BandCounts {
  under6: number;
  from6To16: number;
  from16To20: number;
  over20: number;
}

export function protectBands(counts: BandCounts, asOf: string): OpenRequestsByWeekBand {
  const total = counts.under6 + counts.from6To16 + counts.from16To20 + counts.over20;
  const { cells, total: all } = protectBreakdown({ ...counts }, total, 'DFE');
  return {
    asOf,
    total: toProtectedCount(all),
    under6Weeks: toProtectedCount(cells.under6!),
    from6To16Weeks: toProtectedCount(cells.from6To16!),
    from16To20Weeks: toProtectedCount(cells.from16To20!),
    over20Weeks: toProtectedCount(cells.over20!),
  };
}

@ObjectType({ description: 'The current EHC plans with one primary need.' })
export class PrimaryNeedPlans {
  @Field(() => SenNeedType, { description: 'The primary need.' })
  need: SenNeedType;

  @Field(() => ProtectedCount, { description: 'Current EHC plans recording it as the primary need.' })
  plans: ProtectedCount;
}

@ObjectType({
  description:
    'Current EHC plans by the primary need they record: what a SEND board plans provision and places from. Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them.',
})
export class PlansByPrimaryNeed {
  @Field(() => LocalDateScalar, { description: 'The day the figures describe.' })
  asOf: string;

  @Field(() => ProtectedCount, { description: 'Every EHC plan maintained on the day.' })
  total: ProtectedCount;

  @Field(() => [PrimaryNeedPlans], { description: 'One line for each primary need a plan may record, in the order of the DfE codes; a need with no plan shows 0.' })
  needs: PrimaryNeedPlans[];
}

/** The needs a plan may record: every DfE code but NSA, which is for SEN support only. */
export const PLAN_NEEDS: readonly SenNeedType[] = Object.values(SenNeedType).filter((need) => need !== SenNeedType.NSA);

export function protectPlansByNeed(counts: ReadonlyMap<string, number>, asOf: string): PlansByPrimaryNeed {
  const cells = Object.fromEntries(PLAN_NEEDS.map((need) => [need, counts.get(need) ?? 0]));
  const total = Object.values(cells).reduce((a, b) => a + b, 0);
  const protectedCells = protectBreakdown(cells, total, 'DFE');
  return {
    asOf,
    total: toProtectedCount(protectedCells.total),
    needs: PLAN_NEEDS.map((need) => ({ need, plans: toProtectedCount(protectedCells.cells[need]!) })),
  };
}
