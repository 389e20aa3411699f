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
 * How the professional signed in as `subject` is related to each of `childIds` on
 * `asOf` (yyyy-mm-dd): present when they are on the child's team that day (start on or
 * before it, end on or after it or none) or are the child's current lead professional;
 * `lead` says whether they were the lead on `asOf`. Children they are not related to
 * are absent. One SQL statement, whatever the number of children: it runs inside
 * every access decision of a request.
 */
export async function findCareTeamRelationships(
  db: DataSource | EntityManager,
  subject: string,
  childIds: readonly string[],
  asOf: string,
): Promise<Map<string, { lead: boolean }>> {
  if (!isValidIsoDate(asOf)) throw new Error(`findCareTeamRelationships: asOf "${asOf}" is not a date (yyyy-mm-dd)`);
  const ids = [...new Set(childIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const related = new Map<string, { lead: boolean }>();
  if (ids.length === 0 || !subject) return related;
  const endOfDay = END_OF_DAY_IN_ENGLAND('$3');
  const rows = await queryPrepared<{ child_id: string; lead: boolean }>(
    db,
    `SELECT related.child_id, bool_or(related.lead) AS lead
       FROM professional me
       JOIN LATERAL (
         SELECT m.child_id, false AS lead
           FROM team_membership m
          WHERE m.professional_id = me.id AND m.child_id = ANY($2::uuid[])
            AND m.start_date <= $3::date AND (m.end_date IS NULL OR m.end_date >= $3::date)
         UNION ALL
         SELECT a.child_id, (a.appointed_at < ${endOfDay} AND (a.ended_at IS NULL OR a.ended_at >= ${endOfDay})) AS lead
           FROM lead_professional_appointment a
          WHERE a.professional_id = me.id AND a.child_id = ANY($2::uuid[])
            AND (a.ended_at IS NULL OR (a.appointed_at < ${endOfDay} AND a.ended_at >= ${endOfDay}))
       ) related ON true
      WHERE me.subject = $1
      GROUP BY related.child_id`,
    [subject, ids, asOf],
  );
  for (const row of rows) related.set(row.child_id, { lead: row.lead });
  return related;
}
