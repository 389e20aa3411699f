import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { RadarDomain, SettingReadiness } from './radar.js';

/** Each school's latest readiness in each domain: one DISTINCT ON for every school of the request. */
export function latestReadinessLoader(ctx: SubgraphContext): DataLoader<string, SettingReadiness[]> {
  return ctx.loaders.get('latestSettingReadiness', () =>
    new DataLoader<string, SettingReadiness[]>(async (urns) => {
      const rows: SettingReadiness[] = await ctx.db.query(
        `SELECT DISTINCT ON (school_urn, domain)
                id, school_urn AS "schoolUrn", domain, rating, to_char(assessed_date, 'YYYY-MM-DD') AS "assessedDate"
           FROM setting_readiness
          WHERE school_urn = ANY($1::text[])
          ORDER BY school_urn, domain, assessed_date DESC, id DESC`,
        [urns],
      );
      const byUrn = new Map<string, SettingReadiness[]>();
      for (const row of rows) byUrn.set(row.schoolUrn, [...(byUrn.get(row.schoolUrn) ?? []), row]);
      return urns.map((urn) => byUrn.get(urn) ?? []);
    }),
  );
}

/** One school's needs in one domain, over the children whose latest assessment that school completed. */
export interface RadarProfileCounts {
  domain: RadarDomain;
  children: number;
  meanNeed: number | null;
  high: number;
}

/**
 * The needs radar profile of every school of the request in one statement: each
 * child counts once, by their latest assessment (DISTINCT ON child), at the school
 * that completed it; grouped by school and domain.
 */
export function radarProfileLoader(ctx: SubgraphContext): DataLoader<string, RadarProfileCounts[]> {
  return ctx.loaders.get('needsRadarProfile', () =>
    new DataLoader<string, RadarProfileCounts[]>(async (urns) => {
      const rows: (RadarProfileCounts & { urn: string })[] = await ctx.db.query(
        `WITH latest AS (
           SELECT DISTINCT ON (child_id) id, school_urn
             FROM radar_assessment
            WHERE child_id IN (SELECT child_id FROM radar_assessment WHERE school_urn = ANY($1::text[]))
            ORDER BY child_id, assessed_date DESC, id DESC
         )
         SELECT l.school_urn AS urn, r.domain,
                count(*)::int AS children,
                avg(r.need)::float8 AS "meanNeed",
                count(*) FILTER (WHERE r.need >= 3)::int AS high
           FROM latest l JOIN radar_rating r ON r.assessment_id = l.id
          WHERE l.school_urn = ANY($1::text[])
          GROUP BY 1, 2`,
        [urns],
      );
      const byUrn = new Map<string, RadarProfileCounts[]>();
      for (const { urn, ...counts } of rows) byUrn.set(urn, [...(byUrn.get(urn) ?? []), counts]);
      return urns.map((urn) => byUrn.get(urn) ?? []);
    }),
  );
}

/** One school's needs in one domain for one year group. */
export interface RadarYearGroupCounts extends RadarProfileCounts {
  yearGroup: number;
}

/**
 * The needs radar profile of every school of the request, year group by year group, in
 * one statement: as radarProfileLoader, each child counted once by their latest
 * assessment, in the year group that assessment records. Assessments with no year group
 * are left out.
 */
export function radarYearGroupProfileLoader(ctx: SubgraphContext): DataLoader<string, RadarYearGroupCounts[]> {
  return ctx.loaders.get('needsRadarProfileByYearGroup', () =>
    new DataLoader<string, RadarYearGroupCounts[]>(async (urns) => {
      const rows: (RadarYearGroupCounts & { urn: string })[] = await ctx.db.query(
        `WITH latest AS (
           SELECT DISTINCT ON (child_id) id, school_urn, year_group
             FROM radar_assessment
            WHERE child_id IN (SELECT child_id FROM radar_assessment WHERE school_urn = ANY($1::text[]))
            ORDER BY child_id, assessed_date DESC, id DESC
         )
         SELECT l.school_urn AS urn, l.year_group::int AS "yearGroup", r.domain,
                count(*)::int AS children,
                avg(r.need)::float8 AS "meanNeed",
                count(*) FILTER (WHERE r.need >= 3)::int AS high
           FROM latest l JOIN radar_rating r ON r.assessment_id = l.id
          WHERE l.school_urn = ANY($1::text[]) AND l.year_group IS NOT NULL
          GROUP BY 1, 2, 3`,
        [urns],
      );
      const byUrn = new Map<string, RadarYearGroupCounts[]>();
      for (const { urn, ...counts } of rows) byUrn.set(urn, [...(byUrn.get(urn) ?? []), counts]);
      return urns.map((urn) => byUrn.get(urn) ?? []);
    }),
  );
}
