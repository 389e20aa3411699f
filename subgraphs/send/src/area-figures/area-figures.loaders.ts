import { monthsBetween } from '@local-area-graph/identifiers';
import DataLoader from 'dataloader';
import { zeroFilled, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { BandCounts, TimelinessCounts } from './area-figures.js';

/** What figures are grouped by: one locality (where the child lived when referred) or the whole area. */
export type AreaScope = 'locality' | 'area';

const COLUMN: Record<AreaScope, string> = { locality: 'r.locality_id', area: 'r.local_area_code' };


/**
 * Plans issued per month between two dates, for every locality (or area) asked about
 * in a request, in one GROUP BY. Months with no plan are filled in with zeros: a board
 * reads a true 0 as a month with nothing issued.
 */
export function timelinessLoader(ctx: SubgraphContext, scope: AreaScope, from: string, to: string): DataLoader<string, TimelinessCounts[]> {
  return ctx.loaders.get(`timeliness:${scope}:${from}:${to}`, () =>
    new DataLoader<string, TimelinessCounts[]>(async (keys) => {
      const rows: { key: string; month: string; within: number; late: number; exceptions: number }[] = await ctx.db.query(
        `SELECT ${COLUMN[scope]} AS key,
                to_char(date_trunc('month', r.final_plan_date), 'YYYY-MM') AS month,
                count(*) FILTER (WHERE r.exception IS NULL AND r.final_plan_date <= r.received_date + 140)::int AS within,
                count(*) FILTER (WHERE r.exception IS NULL AND r.final_plan_date > r.received_date + 140)::int AS late,
                count(*) FILTER (WHERE r.exception IS NOT NULL)::int AS exceptions
           FROM ehc_request r
          WHERE ${COLUMN[scope]} = ANY($1::text[]) AND r.final_plan_date BETWEEN $2::date AND $3::date
          GROUP BY 1, 2`,
        [keys, from, to],
      );
      return zeroFilled(keys, monthsBetween(from, to), rows, { within: 0, late: 0, exceptions: 0 }, ({ within, late, exceptions }) => ({ within, late, exceptions }));
    }),
  );
}

/**
 * Requests open on `asOf`, by weeks since receipt (the bands of weekBandOf in
 * statutory-clock.ts, in days), in one GROUP BY for the batch.
 * Open on a day: received by then and not yet closed by then (not decided against,
 * withdrawn, told "no plan" or issued a final plan on or before it).
 */
export function openBandsLoader(ctx: SubgraphContext, scope: AreaScope, asOf: string): DataLoader<string, BandCounts> {
  return ctx.loaders.get(`openBands:${scope}:${asOf}`, () =>
    new DataLoader<string, BandCounts>(async (keys) => {
      const rows: ({ key: string } & BandCounts)[] = await ctx.db.query(
        `SELECT ${COLUMN[scope]} AS key,
                count(*) FILTER (WHERE $2::date - r.received_date < 42)::int AS "under6",
                count(*) FILTER (WHERE $2::date - r.received_date >= 42 AND $2::date - r.received_date < 112)::int AS "from6To16",
                count(*) FILTER (WHERE $2::date - r.received_date >= 112 AND $2::date - r.received_date <= 140)::int AS "from16To20",
                count(*) FILTER (WHERE $2::date - r.received_date > 140)::int AS "over20"
           FROM ehc_request r
          WHERE ${COLUMN[scope]} = ANY($1::text[])
            AND r.received_date <= $2::date
            AND (r.withdrawn_date IS NULL OR r.withdrawn_date > $2::date)
            AND (r.decision <> 'N' OR r.decision_date > $2::date)
            AND (r.plan_decision IS DISTINCT FROM 'NO_PLAN' OR r.notice_date > $2::date)
            AND (r.final_plan_date IS NULL OR r.final_plan_date > $2::date)
          GROUP BY 1`,
        [keys, asOf],
      );
      const byKey = new Map(rows.map(({ key, ...counts }) => [key, counts]));
      return keys.map((key) => byKey.get(key) ?? { under6: 0, from6To16: 0, from16To20: 0, over20: 0 });
    }),
  );
}

/*
 * EHC plans carry no locality: a plan is placed where the child lived when its request
 * came in (the request's locality and area). A plan transferred in from another local
 * authority has no request, so no locality: it is counted only in the area figure, for
 * the area whose requests this service holds.
 */
const PLANS_FROM: Record<AreaScope, string> = {
  locality: 'ehc_plan p JOIN ehc_request r ON r.id = p.request_id',
  area: `ehc_plan p LEFT JOIN ehc_request r ON r.id = p.request_id
         LEFT JOIN (SELECT DISTINCT local_area_code AS code FROM ehc_request WHERE local_area_code = ANY($1::text[])) home ON p.request_id IS NULL`,
};
const PLAN_KEY: Record<AreaScope, string> = { locality: 'r.locality_id', area: 'COALESCE(r.local_area_code, home.code)' };
/** Maintained on $2: started by then and not ceased by then. */
const CURRENT_ON = 'p.start_date <= $2::date AND (p.cease_date IS NULL OR p.cease_date > $2::date)';

/**
 * Current plans whose annual review is past due on `asOf`: more than 12 months since the
 * last review meeting held by then, or since the plan started when it has had none
 * (as nextReviewDue in statutory-clock.ts; 29 February gives 28 February). One GROUP BY.
 */
export function overdueReviewsLoader(ctx: SubgraphContext, scope: AreaScope, asOf: string): DataLoader<string, number> {
  return ctx.loaders.get(`overdueReviews:${scope}:${asOf}`, () =>
    new DataLoader<string, number>(async (keys) => {
      const rows: { key: string; overdue: number }[] = await ctx.db.query(
        `SELECT ${PLAN_KEY[scope]} AS key, count(*)::int AS overdue
           FROM ${PLANS_FROM[scope]}
          WHERE ${PLAN_KEY[scope]} = ANY($1::text[]) AND ${CURRENT_ON}
            AND $2::date > (COALESCE((SELECT max(a.meeting_date) FROM annual_review a WHERE a.plan_id = p.id AND a.meeting_date <= $2::date), p.start_date)
                            + interval '1 year')::date
          GROUP BY 1`,
        [keys, asOf],
      );
      const byKey = new Map(rows.map((row) => [row.key, row.overdue]));
      return keys.map((key) => byKey.get(key) ?? 0);
    }),
  );
}

/** Current plans on `asOf` by primary need, for every key of the batch in one GROUP BY. */
export function plansByNeedLoader(ctx: SubgraphContext, scope: AreaScope, asOf: string): DataLoader<string, Map<string, number>> {
  return ctx.loaders.get(`plansByNeed:${scope}:${asOf}`, () =>
    new DataLoader<string, Map<string, number>>(async (keys) => {
      const rows: { key: string; need: string; plans: number }[] = await ctx.db.query(
        `SELECT ${PLAN_KEY[scope]} AS key, p.primary_need AS need, count(*)::int AS plans
           FROM ${PLANS_FROM[scope]}
          WHERE ${PLAN_KEY[scope]} = ANY($1::text[]) AND ${CURRENT_ON}
          GROUP BY 1, 2`,
        [keys, asOf],
      );
      const byKey = new Map<string, Map<string, number>>(keys.map((key) => [key, new Map()]));
      for (const row of rows) byKey.get(row.key)?.set(row.need, row.plans);
      return keys.map((key) => byKey.get(key)!);
    }),
  );
}
