import { Field, Int, ObjectType } from 'type-graphql';
import { ProtectedCount, ProtectedStatistic, protectBreakdown, protectStatistic, toProtectedCount, toProtectedStatistic } from '@local-area-graph/disclosure';
import { RADAR_DOMAINS, RadarDomain } from './radar.js';
import type { RadarProfileCounts, RadarYearGroupCounts } from './radar.loaders.js';

@ObjectType({
  description:
    "The needs of a school's children in one domain of the needs radar, from each child's latest assessment by the school. Counts of 1 to 5 are withheld and the mean is withheld over fewer than 6 children (DfE rule).",
})
export class RadarDomainProfile {
  @Field(() => RadarDomain, { description: 'The domain.' })
  domain: RadarDomain;

  @Field(() => ProtectedCount, { description: 'Children whose latest needs radar assessment the school completed.' })
  childrenAssessed: ProtectedCount;

  @Field(() => ProtectedStatistic, { description: 'Their mean need in the domain, from 0 (none) to 4 (very high); withheld over fewer than 6 children.' })
  meanNeed: ProtectedStatistic;

  @Field(() => ProtectedCount, {
    description: 'Of them, children whose need in the domain is high or very high (3 or 4). Withheld too when the children left over would number 1 to 5.',
  })
  highOrVeryHighNeed: ProtectedCount;
}

/** All five domains, a domain with no child shown as zero. */
export function protectRadarProfile(rows: readonly RadarProfileCounts[]): RadarDomainProfile[] {
  const byDomain = new Map(rows.map((row) => [row.domain, row]));
  return RADAR_DOMAINS.map((domain) => {
    const row = byDomain.get(domain) ?? { domain, children: 0, meanNeed: null, high: 0 };
    // The rest is not published, but would follow from the total: protect them together.
    const { cells, total } = protectBreakdown({ high: row.high, rest: row.children - row.high }, row.children, 'DFE');
    return {
      domain,
      childrenAssessed: toProtectedCount(total),
      meanNeed: toProtectedStatistic(protectStatistic(row.meanNeed, row.children, 'DFE')),
      highOrVeryHighNeed: toProtectedCount(cells.high!),
    };
  });
}

@ObjectType({
  description:
    "The needs of a school's children in one year group, domain by domain, from each child's latest needs radar assessment by the school. Counts of 1 to 5 are withheld and the mean is withheld over fewer than 6 children (DfE rule).",
})
export class RadarYearGroupProfile {
  @Field(() => Int, { description: 'The year group the assessments record: -1 nursery, 0 Reception, 1 to 14.' })
  yearGroup: number;

  @Field(() => [RadarDomainProfile], { description: 'The children of the year group in each of the five domains.' })
  domains: RadarDomainProfile[];
}

/** Each year group with a child in it, youngest first, protected as the whole-school profile is. */
export function protectRadarYearGroupProfile(rows: readonly RadarYearGroupCounts[]): RadarYearGroupProfile[] {
  const byYear = new Map<number, RadarYearGroupCounts[]>();
  for (const row of rows) byYear.set(row.yearGroup, [...(byYear.get(row.yearGroup) ?? []), row]);
  return [...byYear.keys()].sort((a, b) => a - b).map((yearGroup) => ({ yearGroup, domains: protectRadarProfile(byYear.get(yearGroup)!) }));
}
