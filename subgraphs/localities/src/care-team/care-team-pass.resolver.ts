import DataLoader from 'dataloader';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayInEngland } from '@local-area-graph/identifiers';
import { platformDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child } from '../child/child.js';
import { ChildAccessLog } from '../access-log/child-access-log.js';
import { careTeamRelationshipValues, careTeamRelationshipsSql } from '../team/care-team.relationships.js';

/**
 * The viewer's place on each child's team around the child today, read with the
 * request's other lookups of the same moment (the child's team, its locality) in one
 * statement. Each relationship found is also granted in this request's care-team
 * grants, so the register's own checks (the access log) see it too.
 */
export const careTeamOf = (ctx: SubgraphContext) =>
  ctx.loaders.get('care-team-of-viewer', () =>
    new DataLoader<string, { lead: boolean } | null>(async (childIds) => {
      const values = careTeamRelationshipValues(ctx.viewer.subject, childIds, todayInEngland());
      const rows = values ? await ctx.loaders.rows<{ child_id: string; lead: boolean }>(careTeamRelationshipsSql, values) : [];
      const related = new Map(rows.map((row) => [row.child_id, { lead: row.lead }]));
      return childIds.map((id) => related.get(id.toLowerCase()) ?? null);
    }),
  );

/** Records in the request's grants what the register knows of the viewer and this child. */
export async function vouchFor(ctx: SubgraphContext, childId: string): Promise<{ lead: boolean } | null> {
  if (platformDecision(ctx.viewer)) return null;
  const relationship = await careTeamOf(ctx).load(childId);
  if (relationship) {
    const child = await ctx.loaders.one(Child, 'id').load(childId);
    if (child) ctx.careTeam.grant({ childId, nhsNumber: child.nhsNumber, lead: relationship.lead });
  }
  return relationship;
}

/**
 * A signed pass for the viewer's relationship to a child, for the gateway to hand to
 * the services that hold the rest of the child's record (`@requires`). Null for
 * those who need none (administrators) or may have none (analysts, no purpose stated),
 * and for anyone not on the child's team: no pass, nothing granted.
 */
async function passFor(ctx: SubgraphContext, childId: string): Promise<string | null> {
  const relationship = await vouchFor(ctx, childId);
  if (!relationship) return null;
  const child = await ctx.loaders.one(Child, 'id').load(childId);
  return child ? ctx.careTeam.issue({ childId, nhsNumber: child.nhsNumber, lead: relationship.lead }) : null;
}

const PASS_DESCRIPTION =
  "The register's signed, short-lived statement that the caller is on this child's team around the child (and whether they lead it), which the other services check before they show a team member the child's record. Internal to the platform: hidden from the public API.";

@Resolver(() => Child)
export class ChildCareTeamPassResolver {
  @FieldResolver(() => String, { nullable: true, description: PASS_DESCRIPTION })
  @Directive('@inaccessible')
  careTeamPass(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return passFor(ctx, child.id);
  }
}

@Resolver(() => ChildAccessLog)
export class ChildAccessLogCareTeamPassResolver {
  @FieldResolver(() => String, { nullable: true, description: PASS_DESCRIPTION })
  @Directive('@inaccessible')
  careTeamPass(@Root() log: ChildAccessLog, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return passFor(ctx, log.childId);
  }
}
