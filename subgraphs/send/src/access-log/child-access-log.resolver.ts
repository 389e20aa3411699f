import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessRecord, assertMayReadAccessLog, readAccessLog, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { ChildAccessLog } from './child-access-log.js';

@Resolver(() => ChildAccessLog)
export class ChildAccessLogResolver {
  @Directive('@requires(fields: "careTeamPass")')
  @FieldResolver(() => [AccessRecord], { nullable: true, description: "Looks at the child's SEND casework (EHC needs assessment requests, EHC plans, annual reviews)." })
  send(@Root() log: ChildAccessLog, @Ctx() ctx: SubgraphContext): Promise<AccessRecord[]> {
    assertMayReadAccessLog(ctx, 'ChildAccessLog.send', log.childId);
    return readAccessLog(ctx, log.childId);
  }
}

export const resolveChildAccessLogReference = (reference: { childId: string }): ChildAccessLog => ({ childId: reference.childId });
