import { ALLOW, deny, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import { todayInEngland } from '../calendar.js';

/**
 * Who may see a child's SEND casework, beyond ADMIN (the kit settles ADMIN, ANALYST
 * and a missing purpose first):
 * - CASEWORKER: any child; the casework is the SEND team's own.
 * - SENCO: children whose current EHC plan names their school, because the school
 *   named in a plan must deliver it and is consulted at every review.
 *   And children whose open SEN support plan is at their school: the SENCO writes
 *   and reviews those plans.
 * - LOCALITY_LEAD: not by role. An EHC plan is shared with the family, the SEND team
 *   and the named school; a locality worker sees it once they are on the child's team
 *   around the child (the kit admits the register's care-team pass before this rule).
 * - CLINICIAN and PARTNER: not SEND casework.
 * One query for every child of the request.
 */
export async function sendAccess(viewer: Viewer, childIds: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childIds.map(() => ALLOW);
  if (viewer.role === 'LOCALITY_LEAD') {
    return childIds.map(() => deny('SEND casework is seen by the SEND team and the school named in the plan'));
  }
  if (viewer.role !== 'SENCO') return childIds.map(() => deny(`the ${viewer.role} role does not see SEND casework`));
  const rows: { child_id: string }[] = await ctx.db.query(
    `SELECT child_id FROM ehc_plan
      WHERE child_id = ANY($1::uuid[]) AND placement_urn = ANY($2::text[]) AND (cease_date IS NULL OR cease_date > $3)
     UNION
     SELECT child_id FROM support_plan
      WHERE child_id = ANY($1::uuid[]) AND school_urn = ANY($2::text[]) AND (closed_date IS NULL OR closed_date > $3)`,
    [childIds, viewer.schoolUrns, todayInEngland()],
  );
  const named = new Set(rows.map((row) => row.child_id));
  return childIds.map((id) => (named.has(id) ? ALLOW : deny("neither the child's EHC plan nor their SEND support plan is at your school")));
}
