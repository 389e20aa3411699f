import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AccessRecord, assertMayReadAccessLog, readAccessLog, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { childKeyOf } from '../child/child-key.js';
import { ChildAccessLog } from './child-access-log.js';

@Resolver(() => ChildAccessLog)
export class ChildAccessLogResolver {
  @Directive('@requires(fields: "careTeamPass")')
  @FieldResolver(() => [AccessRecord], { nullable: true, description: "Looks at the child's NHS waiting-list entries." })
  health(@Root() log: ChildAccessLog, @Ctx() ctx: SubgraphContext): Promise<AccessRecord[]> {
    assertMayReadAccessLog(ctx, 'ChildAccessLog.health', childKeyOf(log.nhsNumber));
    // The trust's audit names children by the key it derives from their NHS number.
    return readAccessLog(ctx, childKeyOf(log.nhsNumber));
  }
}

export const resolveChildAccessLogReference = (reference: { nhsNumber: string }): ChildAccessLog => ({ nhsNumber: reference.nhsNumber });
