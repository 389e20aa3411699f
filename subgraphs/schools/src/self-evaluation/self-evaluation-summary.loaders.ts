import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { SummaryCounts } from './self-evaluation-summary.js';

/** What a summary is grouped by: the locality of the school, or the whole area. */
export type SummaryScope = 'locality' | 'area';

const COLUMN: Record<SummaryScope, string> = { locality: 'sc.locality_id', area: 'sc.local_area_code' };

/**
 * Each school's latest self-evaluation on or before `asOf`, summed per locality (or
 * area) for the whole batch: one statement for the grades (a school's grade on a
 * dimension is the lowest of its statements) and one for the checklist.
 */
export function summaryLoader(ctx: SubgraphContext, scope: SummaryScope, asOf: string): DataLoader<string, SummaryCounts> {
  return ctx.loaders.get(`selfEvaluationSummary:${scope}:${asOf}`, () =>
    new DataLoader<string, SummaryCounts>(async (keys) => {
      const latest = `SELECT DISTINCT ON (e.school_urn) e.id, ${COLUMN[scope]} AS key
                        FROM send_self_evaluation e JOIN school sc ON sc.urn = e.school_urn
                       WHERE ${COLUMN[scope]} = ANY($1::text[]) AND e.evaluated_date <= $2::date
                       ORDER BY e.school_urn, e.evaluated_date DESC`;
      const [grades, checks]: [
        { key: string; dimension: string | null; emerging: number; developing: number; embedded: number; evaluated: number }[],
        { key: string; item: string; met: number }[],
      ] = await Promise.all([
        ctx.db.query(
          `WITH latest AS (${latest}),
                lowest AS (
                  SELECT l.key, l.id, s.dimension,
                         min(CASE s.grade WHEN 'EMERGING' THEN 1 WHEN 'DEVELOPING' THEN 2 ELSE 3 END) AS level
                    FROM latest l JOIN send_self_evaluation_statement s ON s.evaluation_id = l.id
                   GROUP BY 1, 2, 3
                )
           SELECT key, dimension,
                  count(*) FILTER (WHERE level = 1)::int AS emerging,
                  count(*) FILTER (WHERE level = 2)::int AS developing,
                  count(*) FILTER (WHERE level = 3)::int AS embedded,
                  0 AS evaluated
             FROM lowest GROUP BY 1, 2
           UNION ALL
           SELECT key, NULL, 0, 0, 0, count(*)::int FROM latest GROUP BY 1`,
          [keys, asOf],
        ),
        ctx.db.query(
          `WITH latest AS (${latest})
           SELECT l.key, c.item, count(*) FILTER (WHERE c.met)::int AS met
             FROM latest l JOIN send_statutory_check c ON c.evaluation_id = l.id
            GROUP BY 1, 2`,
          [keys, asOf],
        ),
      ]);
      const byKey = new Map<string, SummaryCounts>(keys.map((key) => [key, { evaluated: 0, dimensions: new Map(), met: new Map() }]));
      for (const row of grades) {
        const counts = byKey.get(row.key)!;
        if (row.dimension === null) counts.evaluated = row.evaluated;
        else counts.dimensions.set(row.dimension, [row.emerging, row.developing, row.embedded]);
      }
      for (const row of checks) byKey.get(row.key)!.met.set(row.item, row.met);
      return keys.map((key) => byKey.get(key)!);
    }),
  );
}
