import { ALLOW, deny, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import { Child } from './child.js';
import { careTeamOf } from '../care-team/care-team-pass.resolver.js';

/**
 * Who may see a child's register entry, beyond ADMIN (the kit settles ADMIN, ANALYST
 * and a missing purpose first):
 * - CASEWORKER: any child; the local authority's SEND team must be able to find any
 *   child in the area it has a duty to.
 * - LOCALITY_LEAD: children living in one of their localities.
 * - SENCO: children the register records at their school.
 * - Any role: children whose team around the child they are on today, or whose current
 *   lead professional they are (matched by their sign-in subject). That is how a
 *   clinician, a youth justice officer or a voluntary sector worker on the team sees
 *   the child they work with, and nobody else.
 * - Otherwise CLINICIAN and PARTNER do not see the register; their own services hold what they need.
 */
export async function childRegisterAccess(viewer: Viewer, childIds: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childIds.map(() => ALLOW);
  const byRole = await decideByRole(viewer, childIds, ctx);
  const undecided = childIds.filter((_, i) => !byRole[i]!.allowed);
  if (undecided.length === 0) return byRole;
  // One statement for the whole batch, only for the children the role alone does not open;
  // shared with the care-team passes the register hands out in the same request.
  const team = new Map(undecided.map((id, i) => [id, i]));
  const related = await careTeamOf(ctx).loadMany(undecided);
  return byRole.map((decision, i) => {
    const found = team.has(childIds[i]!) ? related[team.get(childIds[i]!)!] : null;
    return decision.allowed || (found && !(found instanceof Error)) ? ALLOW : decision;
  });
}

async function decideByRole(viewer: Viewer, childIds: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role !== 'LOCALITY_LEAD' && viewer.role !== 'SENCO') {
    return childIds.map(() => deny(`the ${viewer.role} role sees only the children whose team around the child they are on`));
  }
  const children = await ctx.loaders.one(Child, 'id').loadMany(childIds);
  return children.map((child) => {
    if (!child || child instanceof Error) return deny('no such child on the register');
    if (viewer.role === 'LOCALITY_LEAD') {
      return viewer.localityIds.includes(child.localityId) ? ALLOW : deny('the child does not live in one of your localities, and you are not on their team');
    }
    return child.schoolUrn && viewer.schoolUrns.includes(child.schoolUrn) ? ALLOW : deny('the child is not on the roll of your school, and you are not on their team');
  });
}
