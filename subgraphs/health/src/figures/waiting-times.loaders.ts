import { lastDayOf } from '@local-area-graph/identifiers';
import { monthFiguresLoader, type MonthFigureSource, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { WaitingTimesCounts } from './waiting-times.js';

/** What figures are grouped by: the locality the child lived in when referred, the area, or the service. */
export type WaitingScope = 'locality' | 'area' | 'service';

type MonthCounts = Omit<WaitingTimesCounts, 'month' | 'monthEnd'>;

const ZERO: MonthCounts = {
  waiting: 0,
  median: null,
  p92: null,
  under18: 0,
  upTo1: 0,
  from1To2: 0,
  from2To4: 0,
  from4To12: 0,
  from12To18: 0,
  from18To52: 0,
  over52: 0,
  withStandard: 0,
  breaching: 0,
  asdSeen: 0,
  asdWithin13: 0,
};

/**
 * Waiting times at each month end, for every scope, key and service asked about in a
 * request, in one statement: generate_series gives the month ends, and each wait
 * counts at a month end when referred by then and neither seen nor removed by then
 * (clock start and stop dates, never snapshots). Weeks are days / 7; percentiles are
 * percentile_cont. Each wait is judged against its own service's standard (breaching
 * from the day after it runs out, as waiting-list-entry.ts `breaches`).
 *
 * A variant is "scope:service" ("locality:CAMHS"; "area:*" is every service): each wait
 * is counted once under its locality, its area and its service, and joined to the
 * variants asked for it. Complete months are stored (packages/subgraph-kit month
 * figures); a wait can change the months from the one it was referred in, and a
 * service's standard every month (the triggers of WaitingTimesMonthFigures1765210000000).
 */
export const WAITING_TIMES: MonthFigureSource<MonthCounts> = {
  family: 'waiting-times',
  zero: ZERO,
  sql: `WITH asks AS MATERIALIZED (
          SELECT a.n, a.variant, a.key, split_part(a.variant, ':', 1) AS scope, NULLIF(split_part(a.variant, ':', 2), '*') AS service
            FROM ROWS FROM (jsonb_to_recordset($1::jsonb->'asks') AS (variant text, key text)) WITH ORDINALITY AS a(variant, key, n)
        ), months AS MATERIALIZED (
          SELECT d::date AS month_start, (d + interval '1 month' - interval '1 day')::date AS month_end
            FROM generate_series(date_trunc('month', ($1::jsonb->>'from')::date), date_trunc('month', ($1::jsonb->>'to')::date), interval '1 month') AS d
        ), counted AS (
          SELECT a.n, m.month_end,
                 (e.first_contact_date IS NULL OR e.first_contact_date > m.month_end) AND (e.removal_date IS NULL OR e.removal_date > m.month_end) AS waiting,
                 m.month_end - e.referral_date AS days,
                 e.service_code = 'ASD_ASSESSMENT' AND e.first_contact_date BETWEEN m.month_start AND m.month_end AS asd_seen,
                 e.first_contact_date - e.referral_date AS days_to_contact,
                 s.standard_weeks
            FROM waiting_list_entry e
            JOIN nhs_service s ON s.code = e.service_code
            -- Only the entries that can count at this month end: still waiting then, or first
            -- seen during or after the month. Years of closed waits never reach the sort.
            JOIN months m ON e.referral_date <= m.month_end
                 AND (e.first_contact_date >= m.month_start
                      OR ((e.first_contact_date IS NULL OR e.first_contact_date > m.month_end)
                          AND (e.removal_date IS NULL OR e.removal_date > m.month_end)))
            -- Each wait counts under its locality, its area and its service, for the variants asked.
            CROSS JOIN LATERAL (VALUES ('locality', e.locality_id), ('area', e.local_area_code), ('service', e.service_code)) AS k(scope, key)
            JOIN asks a ON a.scope = k.scope AND a.key = k.key AND (a.service IS NULL OR a.service = e.service_code)
           -- What the month join keeps, said once before it: no wait closed before the first month.
           WHERE (e.first_contact_date IS NULL OR e.first_contact_date >= date_trunc('month', ($1::jsonb->>'from')::date))
             AND (e.removal_date IS NULL OR e.removal_date >= date_trunc('month', ($1::jsonb->>'from')::date))
        )
        SELECT a.variant, a.key AS scope_key, to_char(g.month_end, 'YYYY-MM') AS month, g.figures, true AS final
          FROM (
            SELECT n, month_end,
                   jsonb_build_object(
                     'waiting', count(*) FILTER (WHERE waiting),
                     'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY days / 7.0) FILTER (WHERE waiting),
                     'p92', percentile_cont(0.92) WITHIN GROUP (ORDER BY days / 7.0) FILTER (WHERE waiting),
                     'under18', count(*) FILTER (WHERE waiting AND days < 126),
                     'upTo1', count(*) FILTER (WHERE waiting AND days < 7),
                     'from1To2', count(*) FILTER (WHERE waiting AND days >= 7 AND days < 14),
                     'from2To4', count(*) FILTER (WHERE waiting AND days >= 14 AND days < 28),
                     'from4To12', count(*) FILTER (WHERE waiting AND days >= 28 AND days < 84),
                     'from12To18', count(*) FILTER (WHERE waiting AND days >= 84 AND days < 126),
                     'from18To52', count(*) FILTER (WHERE waiting AND days >= 126 AND days < 364),
                     'over52', count(*) FILTER (WHERE waiting AND days >= 364),
                     'withStandard', count(*) FILTER (WHERE waiting AND standard_weeks IS NOT NULL),
                     'breaching', count(*) FILTER (WHERE waiting AND days > standard_weeks * 7),
                     'asdSeen', count(*) FILTER (WHERE asd_seen),
                     'asdWithin13', count(*) FILTER (WHERE asd_seen AND days_to_contact <= 91)
                   ) AS figures
              FROM counted
             GROUP BY n, month_end
          ) g
          JOIN asks a ON a.n = g.n`,
  args: (asks, from, to) => ({ asks, from, to }),
};

/**
 * The waiting times of one scope's key, one service or all (`null`), at each month end
 * from the month `from` falls in to the month `to` falls in. Every call of a request
 * with the same window shares one batch, whatever its scope and service.
 */
export async function waitingTimesOf(
  ctx: SubgraphContext,
  scope: WaitingScope,
  serviceCode: string | null,
  key: string,
  from: string,
  to: string,
): Promise<WaitingTimesCounts[]> {
  const months = await monthFiguresLoader(ctx, WAITING_TIMES, from, to).load({ variant: `${scope}:${serviceCode ?? '*'}`, key });
  return months.map((counts) => ({ ...counts, monthEnd: lastDayOf(counts.month) }));
}
