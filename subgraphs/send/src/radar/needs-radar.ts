/**
 * The needs radar joined from its three sources, as a pure function: the child's
 * need and the home's readiness from their latest assessment, the school's
 * readiness from its latest self-assessment in each domain.
 */
import { RADAR_DOMAINS, RadarSource, type NeedsRadar, type RadarDomain, type RadarValue } from './radar.js';

export interface AssessmentInput {
  id: string;
  assessedDate: string;
  schoolUrn: string | null;
}
export interface RatingInput {
  domain: RadarDomain;
  need: number;
  homeReadiness: number | null;
}
export interface ReadinessInput {
  domain: RadarDomain;
  rating: number;
  assessedDate: string;
}

/** The latest readiness per domain (by date, the later row winning a tie). */
export function latestReadiness<R extends ReadinessInput>(rows: readonly R[]): Map<RadarDomain, R> {
  const latest = new Map<RadarDomain, R>();
  for (const row of rows) {
    const held = latest.get(row.domain);
    if (!held || row.assessedDate >= held.assessedDate) latest.set(row.domain, row);
  }
  return latest;
}

export function buildNeedsRadar(assessment: AssessmentInput, ratings: readonly RatingInput[], readiness: readonly ReadinessInput[]): NeedsRadar {
  const byDomain = new Map(ratings.map((rating) => [rating.domain, rating]));
  const setting = latestReadiness(readiness);
  const value = (rating: number | null | undefined, source: RadarSource, asOf: string): RadarValue | null =>
    rating === null || rating === undefined ? null : { rating, source, asOf };
  return {
    assessmentId: assessment.id,
    assessedDate: assessment.assessedDate,
    school: assessment.schoolUrn === null ? null : { urn: assessment.schoolUrn },
    axes: RADAR_DOMAINS.map((domain) => {
      const rated = byDomain.get(domain);
      const ready = setting.get(domain);
      const need = value(rated?.need, RadarSource.CHILD_ASSESSMENT, assessment.assessedDate);
      const settingReadiness = value(ready?.rating, RadarSource.SETTING_SELF_ASSESSMENT, ready?.assessedDate ?? '');
      return {
        domain,
        need,
        settingReadiness,
        homeReadiness: value(rated?.homeReadiness, RadarSource.HOME, assessment.assessedDate),
        gap: need && settingReadiness ? need.rating - settingReadiness.rating : null,
      };
    }),
  };
}
