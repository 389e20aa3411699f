import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { SenCounts } from './sen-profile.js';

/** What a profile is grouped by: one school, one locality, or the whole local area. */
export type ProfileScope = 'school' | 'locality' | 'area';

const GROUP_BY: Record<ProfileScope, string> = {
  school: 's.urn',
  locality: 's.locality_id',
  area: 's.local_area_code',
};

/**
 * SEN counts of pupils on roll today, for every school (or locality, or area) asked
 * about in a request, in one GROUP BY computed by PostgreSQL. A pupil dual registered
 * at two schools of one locality counts once for the locality.
 */
export function senCountsLoader(ctx: SubgraphContext, scope: ProfileScope, today: string): DataLoader<string, SenCounts> {
  return ctx.loaders.get(`senCounts:${scope}:${today}`, () =>
    new DataLoader<string, SenCounts>(async (keys) => {
      const rows: { key: string; no_sen: number; sen_support: number; ehc_plan: number }[] = await ctx.db.query(
        `WITH on_roll AS (
           SELECT DISTINCT ${GROUP_BY[scope]} AS key, e.child_id
             FROM enrolment e JOIN school s ON s.urn = e.school_urn
            WHERE ${GROUP_BY[scope]} = ANY($1) AND (e.end_date IS NULL OR e.end_date > $2)
         )
         SELECT r.key,
                count(*) FILTER (WHERE coalesce(p.provision, 'N') = 'N')::int AS no_sen,
                count(*) FILTER (WHERE p.provision = 'K')::int AS sen_support,
                count(*) FILTER (WHERE p.provision = 'E')::int AS ehc_plan
           FROM on_roll r
           LEFT JOIN sen_provision p ON p.child_id = r.child_id AND (p.end_date IS NULL OR p.end_date > $2)
          GROUP BY r.key`,
        [keys, today],
      );
      const byKey = new Map(rows.map((row) => [row.key, { noSen: row.no_sen, senSupport: row.sen_support, ehcPlan: row.ehc_plan }]));
      return keys.map((key) => byKey.get(key) ?? { noSen: 0, senSupport: 0, ehcPlan: 0 });
    }),
  );
}
