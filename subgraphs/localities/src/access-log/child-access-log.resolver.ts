import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessRecord, assertMayReadAccessLog, readAccessLog, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child } from '../child/child.js';
import { ChildAccessLog } from './child-access-log.js';

@Resolver(() => Child)
export class ChildAccessLogLinkResolver {
  @FieldResolver(() => ChildAccessLog, {
    nullable: true,
    description: "Who has looked at this child's personal data, in every service. Only for the child's lead professional and administrators.",
  })
  accessLog(@Root() child: Child, @Ctx() ctx: SubgraphContext): ChildAccessLog {
    assertMayReadAccessLog(ctx, 'Child.accessLog');
    return { childId: child.id };
  }
}

@Resolver(() => ChildAccessLog)
export class ChildAccessLogResolver {
  @FieldResolver(() => [AccessRecord], { nullable: true, description: "Looks at the child's register entry (names, identifiers, date of birth)." })
  localities(@Root() log: ChildAccessLog, @Ctx() ctx: SubgraphContext): Promise<AccessRecord[]> {
    assertMayReadAccessLog(ctx, 'ChildAccessLog.localities');
    return readAccessLog(ctx, log.childId);
  }
}

export const resolveChildAccessLogReference = (reference: { childId: string }): ChildAccessLog => ({ childId: reference.childId });
