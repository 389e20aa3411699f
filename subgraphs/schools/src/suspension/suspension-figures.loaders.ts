import { monthFiguresLoader, type MonthFigureSource, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { SuspensionCounts } from './suspension-figures.js';

/** What figures are grouped by: the locality of the suspending school, or the whole area. */
export type SuspensionScope = 'locality' | 'area';

type MonthCounts = Omit<SuspensionCounts, 'month'>;

/**
 * Suspensions (FIXD and LNCH) started per month between two dates, for every locality
 * and area asked about in a request, in one GROUP BY. A pupil "has SEN" on a day when a
 * SEN provision of K or E was current then (started by it, not ended by it), the school
 * census's own reckoning. Months with none are zeros: a true 0.
 *
 * Complete months the range covers whole are stored (packages/subgraph-kit month
 * figures); a first or last month covered in part is counted live. A suspension changes
 * the month it started in, a SEN provision the months of the suspensions from its start
 * on, and a school's locality or area every month (the triggers of
 * SuspensionsMonthFigures1765230000000).
 */
export const SUSPENSIONS: MonthFigureSource<MonthCounts> = {
  family: 'suspensions',
  zero: { withSen: 0, withoutSen: 0 },
  partialMonths: true,
  sql: `WITH asks AS MATERIALIZED (
          SELECT a.variant, a.key FROM jsonb_to_recordset($1::jsonb->'asks') AS a(variant text, key text)
        ), started AS MATERIALIZED (
          SELECT s.school_urn, s.start_date,
                 EXISTS (
                   SELECT 1 FROM sen_provision p
                    WHERE p.child_id = s.child_id AND p.provision IN ('K', 'E')
                      AND p.start_date <= s.start_date AND (p.end_date IS NULL OR p.end_date > s.start_date)
                 ) AS with_sen
            FROM suspension s
           WHERE s.category IN ('FIXD', 'LNCH') AND s.start_date BETWEEN ($1::jsonb->>'from')::date AND ($1::jsonb->>'to')::date
        )
        SELECT a.variant, a.key AS scope_key, to_char(s.start_date, 'YYYY-MM') AS month,
               jsonb_build_object('withSen', count(*) FILTER (WHERE s.with_sen), 'withoutSen', count(*) FILTER (WHERE NOT s.with_sen)) AS figures,
               true AS final
          FROM started s
          JOIN school sc ON sc.urn = s.school_urn
          -- Each suspension under its school's locality and area, for the scopes asked.
          CROSS JOIN LATERAL (VALUES ('locality', sc.locality_id), ('area', sc.local_area_code)) AS k(variant, key)
          JOIN asks a ON a.variant = k.variant AND a.key = k.key
         GROUP BY 1, 2, 3`,
  args: (asks, from, to) => ({ asks, from, to }),
};

/** One locality's (or area's) suspensions for each month from the one `from` falls in to the one `to` falls in. */
export function suspensionFiguresOf(ctx: SubgraphContext, scope: SuspensionScope, key: string, from: string, to: string): Promise<SuspensionCounts[]> {
  return monthFiguresLoader(ctx, SUSPENSIONS, from, to).load({ variant: scope, key });
}
