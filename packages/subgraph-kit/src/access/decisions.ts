import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Viewer } from '@local-area-graph/trust';
import type { CareTeamGrants } from './care-team.js';

/** May this viewer see this child's personal data held here, and if not, why not. */
export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export const ALLOW: AccessDecision = { allowed: true };
export const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

/**
 * A subgraph's own rule, over its own data, for the roles that depend on a
 * relationship (a locality lead's localities, a SENCO's school). Called once per
 * request for every child asked about, so it must answer for the whole batch in a
 * query or two. The kit has already settled ADMIN, ANALYST and a missing purpose.
 */
export type ChildAccessRule<TContext> = (viewer: Viewer, childIds: readonly string[], context: TContext) => Promise<AccessDecision[]>;

/** What a role may not be told, whatever the subgraph: answered before its rule runs. */
export function platformDecision(viewer: Viewer): AccessDecision | null {
  if (viewer.role === 'ANALYST') return deny('analysts see aggregate figures only, never a personal field');
  if (viewer.purpose === null) return deny('state why you need personal data in the x-purpose header');
  if (viewer.role === 'ADMIN') return ALLOW;
  return null;
}

export function forbidden(field: string, reason: string): GraphQLError {
  // A Mutation field is a change, anything else a look.
  const verb = field.startsWith('Mutation.') ? 'make the change' : 'see';
  return new GraphQLError(`Not allowed to ${verb} ${field}: ${reason}.`, { extensions: { code: 'FORBIDDEN', field, reason } });
}

/**
 * The access decisions of one request, one batch per tick: a page of 100 children
 * costs one call of the subgraph's rule, not 100. A professional on a child's team
 * around the child may see that child whatever their role, once the register has
 * vouched for it (see care-team.ts); the subgraph's own rule decides the rest.
 */
export class ChildAccess {
  private readonly loader: DataLoader<string, AccessDecision>;
  /** Decisions already made in this request, so that every further field of the child is checked without waiting. */
  private readonly made = new Map<string, AccessDecision>();

  constructor(viewer: Viewer, rule: ChildAccessRule<never> | undefined, context: unknown, careTeam: CareTeamGrants) {
    this.loader = new DataLoader(async (childIds) => {
      const decisions = await this.decideBatch(viewer, rule, context, careTeam, childIds);
      childIds.forEach((id, index) => this.made.set(id, decisions[index]!));
      return decisions;
    });
  }

  private async decideBatch(viewer: Viewer, rule: ChildAccessRule<never> | undefined, context: unknown, careTeam: CareTeamGrants, childIds: readonly string[]): Promise<AccessDecision[]> {
    const fixed = platformDecision(viewer);
    if (fixed) return childIds.map(() => fixed);
    const decisions: (AccessDecision | undefined)[] = childIds.map((id) => (careTeam.relationshipTo(id) ? ALLOW : undefined));
    const undecided = childIds.filter((_, index) => decisions[index] === undefined);
    if (undecided.length === 0) return decisions as AccessDecision[];
    const ruled = rule
      ? await rule(viewer, undecided, context as never)
      : undecided.map(() => deny(`the ${viewer.role} role has no access to this service's personal data, and you are not on this child's team`));
    let next = 0;
    return decisions.map((decision) => decision ?? ruled[next++]!);
  }

  decide(childId: string): Promise<AccessDecision> {
    return this.loader.load(childId);
  }

  /** The decision about this child if this request has made it already, else undefined. */
  decided(childId: string): AccessDecision | undefined {
    return this.made.get(childId);
  }

  /** Throws FORBIDDEN (the field becomes null with that error) unless the viewer may see it. */
  async assertMaySee(childId: string, field: string): Promise<void> {
    const decision = await this.decide(childId);
    if (!decision.allowed) throw forbidden(field, decision.reason);
  }
}
