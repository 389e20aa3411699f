import { Field, ObjectType } from 'type-graphql';
import { ProtectedCount, protectBreakdown, toProtectedCount } from '@local-area-graph/disclosure';

@ObjectType({
  description:
    'Suspensions (fixed-period and lunchtime) that started in one calendar month, split by whether the pupil had SEN (SEN support or an EHC plan) that day: what a SEND board watches for inclusive practice. Counts of 1 to 5 are withheld (DfE rule), with a second count withheld where the total would reveal them. Permanent exclusions are not counted.',
})
export class SuspensionsMonth {
  @Field(() => String, { description: 'The month the suspensions started, written "2026-03".' })
  month: string;

  @Field(() => ProtectedCount, { description: 'Every suspension that started in the month.' })
  suspensions: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Suspensions of pupils who had SEN support (K) or an EHC plan (E) on the day the suspension started.' })
  ofPupilsWithSen: ProtectedCount;

  @Field(() => ProtectedCount, { description: 'Suspensions of pupils with no SEN recorded on the day the suspension started.' })
  ofPupilsWithoutSen: ProtectedCount;
}

/** Raw counts of one month, as the SQL GROUP BY returns them; never leaves the service. */
export interface SuspensionCounts {
  month: string;
  withSen: number;
  withoutSen: number;
}

/** One month as it may be published: the two counts and their total protected together. */
export function protectSuspensionsMonth(counts: SuspensionCounts): SuspensionsMonth {
  const { cells, total } = protectBreakdown({ withSen: counts.withSen, withoutSen: counts.withoutSen }, counts.withSen + counts.withoutSen, 'DFE');
  return Object.assign(new SuspensionsMonth(), {
    month: counts.month,
    suspensions: toProtectedCount(total),
    ofPupilsWithSen: toProtectedCount(cells.withSen!),
    ofPupilsWithoutSen: toProtectedCount(cells.withoutSen!),
  });
}
