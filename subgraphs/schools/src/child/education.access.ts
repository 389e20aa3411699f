import { ALLOW, deny, forbidden, platformDecision, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import { todayInEngland } from '../calendar.js';
import type { School } from '../school/school.js';

/**
 * Who may see a child's education, beyond ADMIN (the kit settles ADMIN, ANALYST and
 * a missing purpose first):
 * - CASEWORKER: any child; the local authority's SEND team assesses any child.
 * - SENCO: pupils on roll today at their school.
 * - LOCALITY_LEAD: pupils on roll today at a school in one of their localities (the
 *   locality team serves its schools).
 * - CLINICIAN and PARTNER: not education records.
 * One query for every child of the request.
 */
export async function educationAccess(viewer: Viewer, childIds: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childIds.map(() => ALLOW);
  if (viewer.role !== 'SENCO' && viewer.role !== 'LOCALITY_LEAD') {
    return childIds.map(() => deny(`the ${viewer.role} role does not see education records`));
  }
  const rows: { child_id: string; school_urn: string; locality_id: string }[] = await ctx.db.query(
    `SELECT e.child_id, e.school_urn, s.locality_id
       FROM enrolment e JOIN school s ON s.urn = e.school_urn
      WHERE e.child_id = ANY($1::uuid[]) AND (e.end_date IS NULL OR e.end_date > $2)`,
    [childIds, todayInEngland()],
  );
  const allowed = new Set(
    rows
      .filter((row) => (viewer.role === 'SENCO' ? viewer.schoolUrns.includes(row.school_urn) : viewer.localityIds.includes(row.locality_id)))
      .map((row) => row.child_id),
  );
  const reason = viewer.role === 'SENCO' ? 'the child is not on the roll of your school' : 'the child is not on the roll of a school in your localities';
  return childIds.map((id) => (allowed.has(id) ? ALLOW : deny(reason)));
}

/** Who may list a school's pupils: the same relationships, for the school as a whole. */
export function assertMayListPupils(viewer: Viewer, school: School): void {
  const fixed = platformDecision(viewer);
  if (fixed && !fixed.allowed) throw forbidden('School.pupils', fixed.reason);
  if (viewer.role === 'ADMIN' || viewer.role === 'CASEWORKER') return;
  if (viewer.role === 'SENCO' && viewer.schoolUrns.includes(school.urn)) return;
  if (viewer.role === 'LOCALITY_LEAD' && viewer.localityIds.includes(school.localityId)) return;
  throw forbidden('School.pupils', viewer.role === 'SENCO' || viewer.role === 'LOCALITY_LEAD' ? 'this is not one of your schools' : `the ${viewer.role} role does not see pupil lists`);
}
