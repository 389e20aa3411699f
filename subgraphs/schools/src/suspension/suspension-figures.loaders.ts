import { monthsBetween } from '@local-area-graph/identifiers';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { SuspensionCounts } from './suspension-figures.js';

/** What figures are grouped by: the locality of the suspending school, or the whole area. */
export type SuspensionScope = 'locality' | 'area';

const COLUMN: Record<SuspensionScope, string> = { locality: 'sc.locality_id', area: 'sc.local_area_code' };


/**
 * Suspensions (FIXD and LNCH) started per month between two dates, for every locality
 * (or area) of the batch, in one GROUP BY. A pupil "has SEN" on a day when a SEN
 * provision of K or E was current then (started by it, not ended by it), the school
 * census's own reckoning. Months with none are filled with zeros: a true 0.
 */
export function suspensionsLoader(ctx: SubgraphContext, scope: SuspensionScope, from: string, to: string): DataLoader<string, SuspensionCounts[]> {
  return ctx.loaders.get(`suspensions:${scope}:${from}:${to}`, () =>
    new DataLoader<string, SuspensionCounts[]>(async (keys) => {
      const rows: { key: string; month: string; with_sen: number; without_sen: number }[] = await ctx.db.query(
        `SELECT ${COLUMN[scope]} AS key,
                to_char(date_trunc('month', s.start_date), 'YYYY-MM') AS month,
                count(*) FILTER (WHERE x.with_sen)::int AS with_sen,
                count(*) FILTER (WHERE NOT x.with_sen)::int AS without_sen
           FROM suspension s
           JOIN school sc ON sc.urn = s.school_urn
          CROSS JOIN LATERAL (
            SELECT EXISTS (
              SELECT 1 FROM sen_provision p
               WHERE p.child_id = s.child_id AND p.provision IN ('K', 'E')
                 AND p.start_date <= s.start_date AND (p.end_date IS NULL OR p.end_date > s.start_date)
            ) AS with_sen
          ) x
          WHERE ${COLUMN[scope]} = ANY($1::text[]) AND s.category IN ('FIXD', 'LNCH')
            AND s.start_date BETWEEN $2::date AND $3::date
          GROUP BY 1, 2`,
        [keys, from, to],
      );
      const found = new Map(rows.map((row) => [`${row.key}/${row.month}`, row]));
      const months = monthsBetween(from, to);
      return keys.map((key) =>
        months.map((month) => {
          const row = found.get(`${key}/${month}`);
          return { month, withSen: row?.with_sen ?? 0, withoutSen: row?.without_sen ?? 0 };
        }),
      );
    }),
  );
}
