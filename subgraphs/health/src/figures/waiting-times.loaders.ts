import { monthsBetween } from '@local-area-graph/identifiers';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { WaitingTimesCounts } from './waiting-times.js';

/** What figures are grouped by: the locality the child lived in when referred, the area, or the service. */
export type WaitingScope = 'locality' | 'area' | 'service';

const COLUMN: Record<WaitingScope, string> = { locality: 'e.locality_id', area: 'e.local_area_code', service: 'e.service_code' };


/** The last day of a "yyyy-mm" month. */
export function monthEndOf(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

const ZERO = {
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
 * Waiting times at each month end between two dates, for every key of the batch, in
 * one statement: generate_series gives the month ends, and each wait counts at a month
 * end when referred by then and neither seen nor removed by then (clock start and stop
 * dates, never snapshots). Weeks are days / 7; percentiles are percentile_cont. Each
 * wait is judged against its own service's standard (breaching from the day after it
 * runs out, as waiting-list-entry.ts `breaches`).
 */
export function waitingTimesLoader(
  ctx: SubgraphContext,
  scope: WaitingScope,
  serviceCode: string | null,
  from: string,
  to: string,
): DataLoader<string, WaitingTimesCounts[]> {
  return ctx.loaders.get(`waitingTimes:${scope}:${serviceCode ?? '*'}:${from}:${to}`, () =>
    new DataLoader<string, WaitingTimesCounts[]>(async (keys) => {
      const rows: ({ key: string; month: string } & Omit<WaitingTimesCounts, 'month' | 'monthEnd'>)[] = await ctx.db.query(
        `WITH months AS (
           SELECT d::date AS month_start, (d + interval '1 month' - interval '1 day')::date AS month_end
             FROM generate_series(date_trunc('month', $2::date), date_trunc('month', $3::date), interval '1 month') AS d
         )
         SELECT ${COLUMN[scope]} AS key, to_char(m.month_end, 'YYYY-MM') AS month,
                count(*) FILTER (WHERE x.waiting)::int AS waiting,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days / 7.0) FILTER (WHERE x.waiting) AS median,
                percentile_cont(0.92) WITHIN GROUP (ORDER BY x.days / 7.0) FILTER (WHERE x.waiting) AS p92,
                count(*) FILTER (WHERE x.waiting AND x.days < 126)::int AS under18,
                count(*) FILTER (WHERE x.waiting AND x.days < 7)::int AS "upTo1",
                count(*) FILTER (WHERE x.waiting AND x.days >= 7 AND x.days < 14)::int AS "from1To2",
                count(*) FILTER (WHERE x.waiting AND x.days >= 14 AND x.days < 28)::int AS "from2To4",
                count(*) FILTER (WHERE x.waiting AND x.days >= 28 AND x.days < 84)::int AS "from4To12",
                count(*) FILTER (WHERE x.waiting AND x.days >= 84 AND x.days < 126)::int AS "from12To18",
                count(*) FILTER (WHERE x.waiting AND x.days >= 126 AND x.days < 364)::int AS "from18To52",
                count(*) FILTER (WHERE x.waiting AND x.days >= 364)::int AS "over52",
                count(*) FILTER (WHERE x.waiting AND s.standard_weeks IS NOT NULL)::int AS "withStandard",
                count(*) FILTER (WHERE x.waiting AND x.days > s.standard_weeks * 7)::int AS "breaching",
                count(*) FILTER (WHERE x.asd_seen)::int AS "asdSeen",
                count(*) FILTER (WHERE x.asd_seen AND e.first_contact_date - e.referral_date <= 91)::int AS "asdWithin13"
           FROM months m
           -- Only the entries that can count at this month end: still waiting then, or first
           -- seen during or after the month. Years of closed waits never reach the sort.
           JOIN waiting_list_entry e ON e.referral_date <= m.month_end
                AND (e.first_contact_date >= m.month_start
                     OR ((e.first_contact_date IS NULL OR e.first_contact_date > m.month_end)
                         AND (e.removal_date IS NULL OR e.removal_date > m.month_end)))
           JOIN nhs_service s ON s.code = e.service_code
           CROSS JOIN LATERAL (
             SELECT (e.first_contact_date IS NULL OR e.first_contact_date > m.month_end)
                      AND (e.removal_date IS NULL OR e.removal_date > m.month_end) AS waiting,
                    m.month_end - e.referral_date AS days,
                    e.service_code = 'ASD_ASSESSMENT' AND e.first_contact_date BETWEEN m.month_start AND m.month_end AS asd_seen
           ) x
          WHERE ${COLUMN[scope]} = ANY($1::text[]) AND ($4::text IS NULL OR e.service_code = $4::text)
          GROUP BY 1, 2`,
        [keys, from, to, serviceCode],
      );
      const found = new Map(rows.map((row) => [`${row.key}/${row.month}`, row]));
      const months = monthsBetween(from, to);
      return keys.map((key) =>
        months.map((month) => {
          const row = found.get(`${key}/${month}`);
          const counts = row ? { ...row, median: row.median === null ? null : Number(row.median), p92: row.p92 === null ? null : Number(row.p92) } : ZERO;
          const { key: _key, ...rest } = counts as typeof counts & { key?: string };
          return { ...ZERO, ...rest, month, monthEnd: monthEndOf(month) };
        }),
      );
    }),
  );
}
