import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Enrolment } from '../enrolment/enrolment.js';

/*
 * A school's roll: the enrolments that are current (no end date, or one still to
 * come). Both loaders take every school asked for in a request in one statement, so
 * a list of schools with their numbers on roll costs one query, not one per school.
 */
const CURRENT = '(e.end_date IS NULL OR e.end_date > $2::date)';

/** Number on roll per school URN: one GROUP BY for the whole batch. */
export function numberOnRollLoader(ctx: SubgraphContext, today: string): DataLoader<string, number> {
  return ctx.loaders.get(`numberOnRoll:${today}`, () =>
    new DataLoader<string, number>(async (urns) => {
      const rows: { urn: string; pupils: number }[] = await ctx.db.query(
        `SELECT e.school_urn AS urn, count(*)::int AS pupils
           FROM enrolment e
          WHERE e.school_urn = ANY($1::text[]) AND ${CURRENT}
          GROUP BY e.school_urn`,
        [urns, today],
      );
      const byUrn = new Map(rows.map((row) => [row.urn, row.pupils]));
      return urns.map((urn) => byUrn.get(urn) ?? 0);
    }),
  );
}

/**
 * One page of current enrolments per school URN, in (child id, enrolment id) order,
 * after the keyset `after` when given. `limit` is the page size plus one, so the
 * caller can tell whether another page follows. One LATERAL query for every school.
 */
export function rollPageLoader(
  ctx: SubgraphContext,
  today: string,
  limit: number,
  after: readonly [string, string] | null,
): DataLoader<string, Enrolment[]> {
  return ctx.loaders.get(`rollPage:${today}:${limit}:${after?.join('/') ?? ''}`, () =>
    new DataLoader<string, Enrolment[]>(async (urns) => {
      const parameters: unknown[] = [urns, today, limit];
      let keyset = '';
      if (after) {
        parameters.push(after[0], after[1]);
        keyset = 'AND (e.child_id, e.id) > ($4::uuid, $5::uuid)';
      }
      const rows: (Enrolment & { urn: string })[] = await ctx.db.query(
        `SELECT s.urn, page.*
           FROM unnest($1::text[]) AS s (urn)
          CROSS JOIN LATERAL (
                SELECT e.id, e.child_id AS "childId", e.school_urn AS "schoolUrn",
                       e.start_date::text AS "startDate", e.end_date::text AS "endDate"
                  FROM enrolment e
                 WHERE e.school_urn = s.urn AND ${CURRENT} ${keyset}
                 ORDER BY e.child_id, e.id
                 LIMIT $3) AS page`,
        parameters,
      );
      const byUrn = new Map<string, Enrolment[]>(urns.map((urn) => [urn, []]));
      for (const { urn, ...row } of rows) byUrn.get(urn)!.push(Object.assign(new Enrolment(), row));
      return urns.map((urn) => byUrn.get(urn)!);
    }),
  );
}
