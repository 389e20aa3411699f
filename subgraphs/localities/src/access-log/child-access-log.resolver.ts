import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessRecord, assertMayReadAccessLog, notFound, readAccessLog, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { NhsNumberScalar } from '@local-area-graph/identifiers';
import { Child } from '../child/child.js';
import { ChildAccessLog } from './child-access-log.js';
import { vouchFor } from '../care-team/care-team-pass.resolver.js';

@Resolver(() => Child)
export class ChildAccessLogLinkResolver {
  @FieldResolver(() => ChildAccessLog, {
    nullable: true,
    description: "Who has looked at this child's personal data, in every service. Only for the child's lead professional and administrators.",
  })
  async accessLog(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<ChildAccessLog> {
    await vouchFor(ctx, child.id);
    assertMayReadAccessLog(ctx, 'Child.accessLog', child.id);
    return { childId: child.id };
  }
}

@Resolver(() => ChildAccessLog)
export class ChildAccessLogResolver {
  @FieldResolver(() => NhsNumberScalar, { description: "The child's NHS number: how services that know children only by it add their reads." })
  async nhsNumber(@Root() log: ChildAccessLog, @Ctx() ctx: SubgraphContext): Promise<string> {
    // Not a way round the register's own guard: only those who may read the log get it.
    await vouchFor(ctx, log.childId);
    assertMayReadAccessLog(ctx, 'ChildAccessLog.nhsNumber', log.childId);
    const child = await ctx.loaders.one(Child, 'id').load(log.childId);
    if (!child) throw notFound('child', log.childId, 'childId');
    return child.nhsNumber;
  }

  @FieldResolver(() => [AccessRecord], { nullable: true, description: "Looks at the child's register entry (names, identifiers, date of birth)." })
  async localities(@Root() log: ChildAccessLog, @Ctx() ctx: SubgraphContext): Promise<AccessRecord[]> {
    await vouchFor(ctx, log.childId);
    assertMayReadAccessLog(ctx, 'ChildAccessLog.localities', log.childId);
    return readAccessLog(ctx, log.childId);
  }
}

/** By platform id, or by NHS number (then the register says whose it is). */
export async function resolveChildAccessLogReference(
  reference: { childId?: string; nhsNumber?: string },
  ctx: SubgraphContext,
): Promise<ChildAccessLog | null> {
  if (reference.childId) return { childId: reference.childId };
  const child = reference.nhsNumber ? await ctx.loaders.one(Child, 'nhsNumber').load(reference.nhsNumber) : null;
  return child ? { childId: child.id } : null;
}
