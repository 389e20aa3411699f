import { monthsBetween } from '@local-area-graph/identifiers';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { SupportOutcome } from '../support-request/support-request.js';
import type { SupportMonthCounts } from './support-figures.js';

/** One locality, or a whole local area. */
export type SupportScope = 'locality' | 'area';

const KEY: Record<SupportScope, string> = { locality: 'l.id', area: 'l.local_area_code' };


/**
 * The support figures month by month for every locality (or area) asked about in a
 * request: three GROUP BYs for the whole batch, whatever the number of localities or
 * requests. Working days come from the working_day calendar table: a request counts
 * from its received day's working-day number (the next working day's, when received on
 * a weekend or bank holiday), and likewise the response, so working days to respond
 * are a subtraction. Months with nothing are zeros, which are true zeros.
 */
export function supportFiguresLoader(ctx: SubgraphContext, scope: SupportScope, from: string, to: string, today: string): DataLoader<string, SupportMonthCounts[]> {
  return ctx.loaders.get(`supportFigures:${scope}:${from}:${to}:${today}`, () =>
    new DataLoader<string, SupportMonthCounts[]>(async (keys) => {
      const first = `${from.slice(0, 7)}-01`;
      const last = `(date_trunc('month', $3::date) + interval '1 month - 1 day')::date`;
      const [requests, open, outcomes] = await Promise.all([
        ctx.db.query(
          `SELECT ${KEY[scope]} AS key, to_char(r.received_day, 'YYYY-MM') AS month,
                  count(*)::int AS received,
                  count(*) FILTER (WHERE r.responded_at IS NOT NULL OR r.due_at <= now())::int AS decided,
                  count(*) FILTER (WHERE r.responded_at < r.due_at)::int AS "inTime",
                  count(*) FILTER (WHERE r.responded_at IS NOT NULL)::int AS answered,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(0,
                      (responded.working_day_number + (NOT responded.working)::int) - (received.working_day_number + (NOT received.working)::int)))
                    FILTER (WHERE r.responded_at IS NOT NULL) AS "medianWorkingDays"
             FROM support_request r
             JOIN locality l ON l.id = r.locality_id
             JOIN working_day received ON received.day = r.received_day
             LEFT JOIN working_day responded ON responded.day = r.responded_day
            WHERE ${KEY[scope]} = ANY($1::text[]) AND r.received_day BETWEEN $2::date AND ${last}
            GROUP BY 1, 2`,
          [keys, first, to],
        ) as Promise<{ key: string; month: string; received: number; decided: number; inTime: number; answered: number; medianWorkingDays: number | null }[]>,
        // Open at the end of each month, or today for the current month.
        ctx.db.query(
          `WITH months AS (
             SELECT m::date AS start, LEAST((m + interval '1 month - 1 day')::date, $4::date) AS at
               FROM generate_series($2::date, date_trunc('month', $3::date), interval '1 month') AS m
           )
           SELECT ${KEY[scope]} AS key, to_char(months.start, 'YYYY-MM') AS month, count(*)::int AS open
             FROM months
             JOIN support_request r ON r.responded_day <= months.at AND (r.outcome_date IS NULL OR r.outcome_date > months.at)
             JOIN locality l ON l.id = r.locality_id
            WHERE ${KEY[scope]} = ANY($1::text[]) AND months.start <= $4::date
            GROUP BY 1, 2`,
          [keys, first, to, today],
        ) as Promise<{ key: string; month: string; open: number }[]>,
        ctx.db.query(
          `SELECT ${KEY[scope]} AS key, to_char(r.outcome_date, 'YYYY-MM') AS month, r.outcome, count(*)::int AS n
             FROM support_request r
             JOIN locality l ON l.id = r.locality_id
            WHERE ${KEY[scope]} = ANY($1::text[]) AND r.outcome_date BETWEEN $2::date AND ${last}
            GROUP BY 1, 2, 3`,
          [keys, first, to],
        ) as Promise<{ key: string; month: string; outcome: SupportOutcome; n: number }[]>,
      ]);
      const at = (key: string, month: string) => `${key}/${month}`;
      const requestsBy = new Map(requests.map((row) => [at(row.key, row.month), row]));
      const openBy = new Map(open.map((row) => [at(row.key, row.month), row.open]));
      const outcomesBy = new Map<string, Partial<Record<SupportOutcome, number>>>();
      for (const row of outcomes) {
        const cell = outcomesBy.get(at(row.key, row.month)) ?? {};
        cell[row.outcome] = row.n;
        outcomesBy.set(at(row.key, row.month), cell);
      }
      const months = monthsBetween(from, to);
      return keys.map((key) =>
        months.map((month) => {
          const row = requestsBy.get(at(key, month));
          return {
            month,
            received: row?.received ?? 0,
            decided: row?.decided ?? 0,
            inTime: row?.inTime ?? 0,
            answered: row?.answered ?? 0,
            medianWorkingDays: row?.medianWorkingDays ?? null,
            plansOpen: openBy.get(at(key, month)) ?? 0,
            outcomes: outcomesBy.get(at(key, month)) ?? {},
          };
        }),
      );
    }),
  );
}
