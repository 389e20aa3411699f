import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { SendSelfEvaluation } from './self-evaluation.js';

/** The columns of send_self_evaluation as the entity names them (dates as text, as TypeORM reads them). */
export const EVALUATION_COLUMNS =
  'e.id, e.school_urn AS "schoolUrn", e.evaluated_date::text AS "evaluatedDate", e.completed_by AS "completedBy", e.recorded_by AS "recordedBy", e.recorded_at AS "recordedAt"';

/**
 * Each school's latest self-evaluation (the last day evaluated), for every school of
 * the request in one statement; DISTINCT ON walks send_self_evaluation_school_date_idx.
 */
export function latestEvaluationLoader(ctx: SubgraphContext): DataLoader<string, SendSelfEvaluation | null> {
  return ctx.loaders.get('selfEvaluation:latest', () =>
    new DataLoader<string, SendSelfEvaluation | null>(async (urns) => {
      const rows: SendSelfEvaluation[] = await ctx.db.query(
        `SELECT DISTINCT ON (e.school_urn) ${EVALUATION_COLUMNS}
           FROM send_self_evaluation e
          WHERE e.school_urn = ANY($1::text[])
          ORDER BY e.school_urn, e.evaluated_date DESC`,
        [urns],
      );
      const byUrn = new Map(rows.map((row) => [row.schoolUrn, Object.assign(new SendSelfEvaluation(), row)]));
      return urns.map((urn) => byUrn.get(urn) ?? null);
    }),
  );
}
