import { ALLOW, deny, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import { Child } from './child.js';

/**
 * Who may see a child's register entry, beyond ADMIN (the kit settles ADMIN, ANALYST
 * and a missing purpose first):
 * - CASEWORKER: any child; the local authority's SEND team must be able to find any
 *   child in the area it has a duty to.
 * - LOCALITY_LEAD: children living in one of their localities.
 * - SENCO: children the register records at their school.
 * - CLINICIAN and PARTNER: not the register; their own services hold what they need.
 */
export async function childRegisterAccess(viewer: Viewer, childIds: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childIds.map(() => ALLOW);
  if (viewer.role !== 'LOCALITY_LEAD' && viewer.role !== 'SENCO') {
    return childIds.map(() => deny(`the ${viewer.role} role does not see the child register`));
  }
  const children = await ctx.loaders.one(Child, 'id').loadMany(childIds);
  return children.map((child) => {
    if (!child || child instanceof Error) return deny('no such child on the register');
    if (viewer.role === 'LOCALITY_LEAD') {
      return viewer.localityIds.includes(child.localityId) ? ALLOW : deny('the child does not live in one of your localities');
    }
    return child.schoolUrn && viewer.schoolUrns.includes(child.schoolUrn) ? ALLOW : deny('the child is not on the roll of your school');
  });
}
