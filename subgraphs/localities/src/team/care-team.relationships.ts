import type { DataSource, EntityManager } from 'typeorm';
import { isValidIsoDate } from '@local-area-graph/identifiers';
import { isUuid } from '@local-area-graph/subgraph-kit';
import { queryPrepared } from '@local-area-graph/database';

/**
 * The moment a date ends in England: a lead professional "on" a date is the one
 * holding the appointment when that day closed, so one date never has two leads.
 */
export const END_OF_DAY_IN_ENGLAND = (date: string) => `((${date})::date + 1)::timestamp AT TIME ZONE 'Europe/London'`;

/**
 * How the professional signed in as `subject` (value `p(1)`) is related to each of the
 * children `p(2)` (uuid[]) on `p(3)` (yyyy-mm-dd): present when they are on the child's
 * team that day (start on or before it, end on or after it or none) or are the child's
 * current lead professional; `lead` says whether they were the lead on that day.
 * Children they are not related to are absent. One statement, whatever the number of
 * children: it runs inside every access decision of a request, alone in a write's
 * transaction or with the request's other lookups (`loaders.rows`).
 */
export const careTeamRelationshipsSql = (p: (i: number) => string) => {
  const endOfDay = END_OF_DAY_IN_ENGLAND(p(3));
  return `SELECT related.child_id, bool_or(related.lead) AS lead
       FROM professional me
       JOIN LATERAL (
         SELECT m.child_id, false AS lead
           FROM team_membership m
          WHERE m.professional_id = me.id AND m.child_id = ANY(${p(2)}::uuid[])
            AND m.start_date <= ${p(3)}::date AND (m.end_date IS NULL OR m.end_date >= ${p(3)}::date)
         UNION ALL
         SELECT a.child_id, (a.appointed_at < ${endOfDay} AND (a.ended_at IS NULL OR a.ended_at >= ${endOfDay})) AS lead
           FROM lead_professional_appointment a
          WHERE a.professional_id = me.id AND a.child_id = ANY(${p(2)}::uuid[])
            AND (a.ended_at IS NULL OR (a.appointed_at < ${endOfDay} AND a.ended_at >= ${endOfDay}))
       ) related ON true
      WHERE me.subject = ${p(1)}
      GROUP BY related.child_id`;
};

/** The values for `careTeamRelationshipsSql`, or null when no child could be related. */
export function careTeamRelationshipValues(subject: string, childIds: readonly string[], asOf: string): [string, string[], string] | null {
  if (!isValidIsoDate(asOf)) throw new Error(`care-team relationships: asOf "${asOf}" is not a date (yyyy-mm-dd)`);
  const ids = [...new Set(childIds.filter(isUuid).map((id) => id.toLowerCase()))];
  return ids.length === 0 || !subject ? null : [subject, ids, asOf];
}

/** The relationships of `careTeamRelationshipsSql`, as one statement of its own (inside a write's transaction). */
export async function findCareTeamRelationships(
  db: DataSource | EntityManager,
  subject: string,
  childIds: readonly string[],
  asOf: string,
): Promise<Map<string, { lead: boolean }>> {
  const related = new Map<string, { lead: boolean }>();
  const values = careTeamRelationshipValues(subject, childIds, asOf);
  if (!values) return related;
  const rows = await queryPrepared<{ child_id: string; lead: boolean }>(db, careTeamRelationshipsSql((i) => `$${i}`), values);
  for (const row of rows) related.set(row.child_id, { lead: row.lead });
  return related;
}
