import { ALLOW, deny, forbidden, platformDecision, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import { todayInEngland } from '../calendar.js';
import type { School } from '../school/school.js';

/**
 * Who may see a child's education, beyond ADMIN (the kit settles ADMIN, ANALYST and
 * a missing purpose first):
 * - CASEWORKER: any child; the local authority's SEND team assesses any child.
 * - SENCO: pupils on roll today at their school.
 * - LOCALITY_LEAD: children of their localities: those whose latest enrolment gives a
 *   home in one of them, and pupils on roll today at a school in one of them (the
 *   locality team serves its schools).
 * - CLINICIAN and PARTNER: not education records.
 * One query for every child of the request.
 */
export async function educationAccess(viewer: Viewer, childIds: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childIds.map(() => ALLOW);
  if (viewer.role !== 'SENCO' && viewer.role !== 'LOCALITY_LEAD') {
    return childIds.map(() => deny(`the ${viewer.role} role does not see education records`));
  }
  const rows: { child_id: string; school_urn: string; locality_id: string; is_current: boolean; latest_home: string | null }[] = await ctx.db.query(
    `SELECT e.child_id, e.school_urn, s.locality_id,
            (e.end_date IS NULL OR e.end_date > $2) AS is_current,
            first_value(e.home_locality_id) OVER (PARTITION BY e.child_id ORDER BY e.start_date DESC, e.id) AS latest_home
       FROM enrolment e JOIN school s ON s.urn = e.school_urn
      WHERE e.child_id = ANY($1::uuid[])`,
    [childIds, todayInEngland()],
  );
  const mine = (row: (typeof rows)[number]) =>
    viewer.role === 'SENCO'
      ? row.is_current && viewer.schoolUrns.includes(row.school_urn)
      : (row.latest_home !== null && viewer.localityIds.includes(row.latest_home)) || (row.is_current && viewer.localityIds.includes(row.locality_id));
  const allowed = new Set(rows.filter(mine).map((row) => row.child_id));
  const reason = viewer.role === 'SENCO' ? 'the child is not on the roll of your school' : 'the child neither lives in nor goes to school in your localities';
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
