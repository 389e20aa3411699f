import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { NeedsRadar, RADAR_DOMAINS, RadarAssessment, RadarRating, SettingReadiness } from './radar.js';
import { buildNeedsRadar } from './needs-radar.js';
import { latestReadinessLoader, radarProfileLoader, radarYearGroupProfileLoader } from './radar.loaders.js';
import { protectRadarProfile, protectRadarYearGroupProfile, RadarDomainProfile, RadarYearGroupProfile } from './radar-profile.js';
import { ChildSend } from '../child/child.js';
import { School, SchoolSend } from '../school/school.js';

/* Each loaded for every child (or assessment) of the request in one statement. */
const assessmentsOf = (ctx: SubgraphContext) => ctx.loaders.many(RadarAssessment, 'childId', { assessedDate: 'DESC', id: 'DESC' });
const ratingsOf = (ctx: SubgraphContext) => ctx.loaders.many(RadarRating, 'assessmentId', { domain: 'ASC' });

@Resolver(() => RadarAssessment)
export class RadarAssessmentResolver {
  @FieldResolver(() => School, { nullable: true, description: 'The school or setting that completed the assessment; empty when none is recorded.' })
  school(@Root() assessment: RadarAssessment): School | null {
    return assessment.schoolUrn === null ? null : { urn: assessment.schoolUrn };
  }

  @FieldResolver(() => [RadarRating], { description: 'The ratings given, one per domain assessed.' })
  ratings(@Root() assessment: RadarAssessment, @Ctx() ctx: SubgraphContext): Promise<RadarRating[]> {
    return ratingsOf(ctx).load(assessment.id);
  }
}

// Personal data: the kit guards and audits every ChildSend field, so each is nullable.
@Resolver(() => ChildSend)
export class ChildRadarResolver {
  @FieldResolver(() => [RadarAssessment], { nullable: true, description: "Every needs radar assessment of the child, newest first." })
  radarAssessments(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<RadarAssessment[]> {
    return assessmentsOf(ctx).load(send.childId);
  }

  /*
   * The school whose readiness is shown is the one that completed the child's latest
   * assessment: the SEND service holds no enrolments (the schools service does), and the
   * assessment records the setting that rated the child, which is the setting the
   * radar compares them with.
   */
  @FieldResolver(() => NeedsRadar, {
    nullable: true,
    description:
      "The child's needs radar at a glance: their need and the home's readiness from their latest assessment, beside the readiness of the school that completed it. Empty before their first assessment.",
  })
  async radar(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<NeedsRadar | null> {
    const [latest] = await assessmentsOf(ctx).load(send.childId);
    if (!latest) return null;
    const [ratings, readiness] = await Promise.all([
      ratingsOf(ctx).load(latest.id),
      latest.schoolUrn === null ? Promise.resolve([]) : latestReadinessLoader(ctx).load(latest.schoolUrn),
    ]);
    return buildNeedsRadar(latest, ratings, readiness);
  }
}

// Aggregates and the school's own ratings: not personal data, every role may read them.
@Resolver(() => SchoolSend)
export class SchoolRadarResolver {
  @FieldResolver(() => [SettingReadiness], {
    description: "The school's latest rating of its own readiness in each domain of the needs radar; a domain it has not rated is left out.",
  })
  async settingReadiness(@Root() send: SchoolSend, @Ctx() ctx: SubgraphContext): Promise<SettingReadiness[]> {
    const rows = await latestReadinessLoader(ctx).load(send.urn);
    return [...rows].sort((a, b) => RADAR_DOMAINS.indexOf(a.domain) - RADAR_DOMAINS.indexOf(b.domain));
  }

  @FieldResolver(() => [RadarDomainProfile], {
    description:
      "The needs of the children whose latest needs radar assessment this school completed, domain by domain. Counts of 1 to 5 are withheld and a mean over fewer than 6 children (DfE rule).",
  })
  async needsRadarProfile(@Root() send: SchoolSend, @Ctx() ctx: SubgraphContext): Promise<RadarDomainProfile[]> {
    return protectRadarProfile(await radarProfileLoader(ctx).load(send.urn));
  }

  @FieldResolver(() => [RadarYearGroupProfile], {
    description:
      "The needs radar profile year group by year group: the children whose latest assessment this school completed, in the year group it records, youngest first. Assessments without a year group are left out. Counts of 1 to 5 are withheld and a mean over fewer than 6 children (DfE rule).",
  })
  async needsRadarProfileByYearGroup(@Root() send: SchoolSend, @Ctx() ctx: SubgraphContext): Promise<RadarYearGroupProfile[]> {
    return protectRadarYearGroupProfile(await radarYearGroupProfileLoader(ctx).load(send.urn));
  }
}
