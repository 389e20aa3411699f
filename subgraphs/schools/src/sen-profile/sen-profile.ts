import { Field, ObjectType } from 'type-graphql';
import { ProtectedCount, ProtectedStatistic, protectBreakdown, protectRate, toProtectedCount, toProtectedStatistic, type Figure } from '@local-area-graph/disclosure';
import { LocalDateScalar } from '@local-area-graph/identifiers';

@ObjectType({
  description:
    'How many pupils on roll today have no SEN, SEN support (census code K) or an EHC plan (code E), with the shares: the figure a BI dashboard shows for a school, a locality or the whole area. Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them.',
})
export class SenProfile {
  @Field(() => LocalDateScalar, { description: 'The day the figures describe (today).' })
  asOf: string;

  @Field(() => ProtectedCount, { description: 'Pupils on roll.' })
  pupils: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Pupils with no special educational needs recorded (N).' })
  noSen: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Pupils receiving SEN support without an EHC plan (K).' })
  senSupport: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Pupils with an Education, Health and Care plan (E).' })
  ehcPlan: ProtectedCount;

  @Field(() => ProtectedStatistic, { description: 'Share of pupils on SEN support, from 0 to 1 (nationally about 0.13).' })
  senSupportShare: ProtectedStatistic;

  @Field(() => ProtectedStatistic, { description: 'Share of pupils with an EHC plan, from 0 to 1 (nationally about 0.05).' })
  ehcPlanShare: ProtectedStatistic;
}

/** Raw counts, as the SQL GROUP BY returns them. */
export interface SenCounts {
  noSen: number;
  senSupport: number;
  ehcPlan: number;
}

/**
 * Protects one profile. A share whose count was withheld (first or second) is
 * withheld too, else count = share x total would give it back.
 */
export function protectSenProfile(counts: SenCounts, asOf: string): SenProfile {
  const total = counts.noSen + counts.senSupport + counts.ehcPlan;
  const { cells, total: pupils } = protectBreakdown({ ...counts }, total, 'DFE');
  const share = (cell: Figure, count: number): Figure => (cell.suppressed ? cell : protectRate(count, total, 'DFE'));
  return {
    asOf,
    pupils: toProtectedCount(pupils),
    noSen: toProtectedCount(cells.noSen!),
    senSupport: toProtectedCount(cells.senSupport!),
    ehcPlan: toProtectedCount(cells.ehcPlan!),
    senSupportShare: toProtectedStatistic(share(cells.senSupport!, counts.senSupport)),
    ehcPlanShare: toProtectedStatistic(share(cells.ehcPlan!, counts.ehcPlan)),
  };
}
