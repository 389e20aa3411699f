import { monthFiguresLoader, type MonthFigureSource, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { SupportMonthCounts } from './support-figures.js';

/** One locality, or a whole local area. */
export type SupportScope = 'locality' | 'area';

type MonthCounts = Omit<SupportMonthCounts, 'month'>;

const ZERO: MonthCounts = { received: 0, decided: 0, inTime: 0, answered: 0, medianWorkingDays: null, plansOpen: 0, outcomes: {} };

/**
 * The support figures month by month for every locality and area asked about in a
 * request, in one statement of three GROUP BYs (requests by the month received, plans
 * open at each month end, outcomes by the month recorded), whatever the number of
 * localities or requests. Working days come from the working_day calendar table: a
 * request counts from its received day's working-day number (the next working day's,
 * when received on a weekend or bank holiday), and likewise the response, so working
 * days to respond are a subtraction. Months with nothing are zeros, which are true zeros.
 *
 * Complete months are stored (packages/subgraph-kit month figures), but not a month
 * with a request still unanswered and not yet due: whether it was answered in time is
 * not known yet (`final`). A request can change the months from the one it was received
 * in; the localities and the calendar, every month (the triggers of
 * SupportFiguresMonthFigures1765220000000).
 */
export const SUPPORT_FIGURES: MonthFigureSource<MonthCounts> = {
  family: 'support-figures',
  zero: ZERO,
  sql: `WITH asks AS MATERIALIZED (
          SELECT a.variant, a.key FROM jsonb_to_recordset($1::jsonb->'asks') AS a(variant text, key text)
        ), bounds AS MATERIALIZED (
          SELECT date_trunc('month', ($1::jsonb->>'from')::date)::date AS first,
                 (date_trunc('month', ($1::jsonb->>'to')::date) + interval '1 month - 1 day')::date AS last,
                 ($1::jsonb->>'today')::date AS today
        ), months AS MATERIALIZED (
          SELECT d::date AS start, LEAST((d + interval '1 month - 1 day')::date, b.today) AS at
            FROM bounds b, generate_series(b.first, b.last, interval '1 month') AS d
           WHERE d::date <= b.today
        ), scoped AS MATERIALIZED (
          -- Each request under its locality and its area, for the scopes asked; none closed
          -- before the first month or received after the last can count.
          SELECT a.variant, a.key, r.received_day, r.responded_at, r.responded_day, r.due_at, r.outcome, r.outcome_date
            FROM support_request r
            CROSS JOIN bounds b
            JOIN locality l ON l.id = r.locality_id
            CROSS JOIN LATERAL (VALUES ('locality', l.id), ('area', l.local_area_code)) AS k(variant, key)
            JOIN asks a ON a.variant = k.variant AND a.key = k.key
           WHERE r.received_day <= b.last AND (r.outcome_date IS NULL OR r.outcome_date >= b.first)
        ), requests AS (
          SELECT r.variant, r.key, to_char(r.received_day, 'YYYY-MM') AS month,
                 count(*) AS received,
                 count(*) FILTER (WHERE r.responded_at IS NOT NULL OR r.due_at <= now()) AS decided,
                 count(*) FILTER (WHERE r.responded_at < r.due_at) AS "inTime",
                 count(*) FILTER (WHERE r.responded_at IS NOT NULL) AS answered,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(0,
                     (responded.working_day_number + (NOT responded.working)::int) - (received.working_day_number + (NOT received.working)::int)))
                   FILTER (WHERE r.responded_at IS NOT NULL) AS "medianWorkingDays",
                 count(*) FILTER (WHERE r.responded_at IS NULL AND r.due_at > now()) AS pending
            FROM scoped r
            CROSS JOIN bounds b
            JOIN working_day received ON received.day = r.received_day
            LEFT JOIN working_day responded ON responded.day = r.responded_day
           WHERE r.received_day BETWEEN b.first AND b.last
           GROUP BY 1, 2, 3
        ), open AS (
          -- Open at the end of each month, or today for the current month.
          SELECT r.variant, r.key, to_char(m.start, 'YYYY-MM') AS month, count(*) AS "plansOpen"
            FROM months m
            JOIN scoped r ON r.responded_day <= m.at AND (r.outcome_date IS NULL OR r.outcome_date > m.at)
           GROUP BY 1, 2, 3
        ), outcomes AS (
          SELECT variant, key, month, jsonb_object_agg(outcome, n) AS outcomes
            FROM (
              SELECT r.variant, r.key, to_char(r.outcome_date, 'YYYY-MM') AS month, r.outcome, count(*) AS n
                FROM scoped r
                CROSS JOIN bounds b
               WHERE r.outcome_date BETWEEN b.first AND b.last
               GROUP BY 1, 2, 3, 4
            ) o
           GROUP BY 1, 2, 3
        )
        SELECT variant, key AS scope_key, month,
               jsonb_build_object(
                 'received', coalesce(q.received, 0),
                 'decided', coalesce(q.decided, 0),
                 'inTime', coalesce(q."inTime", 0),
                 'answered', coalesce(q.answered, 0),
                 'medianWorkingDays', q."medianWorkingDays",
                 'plansOpen', coalesce(o."plansOpen", 0),
                 'outcomes', coalesce(x.outcomes, '{}')
               ) AS figures,
               coalesce(q.pending, 0) = 0 AS final
          FROM requests q
          FULL JOIN open o USING (variant, key, month)
          FULL JOIN outcomes x USING (variant, key, month)`,
  args: (asks, from, to, today) => ({ asks, from, to, today }),
};

/**
 * The support figures of one locality (or area) for each month from the one `from`
 * falls in to the one `to` falls in. Every call of a request with the same window
 * shares one batch, localities and areas together.
 */
export async function supportFiguresOf(ctx: SubgraphContext, scope: SupportScope, key: string, from: string, to: string, today: string): Promise<SupportMonthCounts[]> {
  return monthFiguresLoader(ctx, SUPPORT_FIGURES, from, to, today).load({ variant: scope, key });
}
