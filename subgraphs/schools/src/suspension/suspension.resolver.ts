import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Suspension, SuspensionReason } from './suspension.js';
import { SUSPENSION_REASONS } from './suspension-reasons.js';
import { School } from '../school/school.js';

@Resolver(() => Suspension)
export class SuspensionResolver {
  @FieldResolver(() => School, { description: 'The school that suspended or excluded the child.' })
  async school(@Root() suspension: Suspension, @Ctx() ctx: SubgraphContext): Promise<School> {
    return (await ctx.loaders.one(School, 'urn').load(suspension.schoolUrn))!;
  }

  @FieldResolver(() => [SuspensionReason], { description: 'The reasons the school gave, one to three, in the order it recorded them.' })
  reasons(@Root() suspension: Suspension): SuspensionReason[] {
    // The CHECK constraint allows only known codes, so every code has a description.
    return suspension.reasonCodes.map((code) => ({ code, description: SUSPENSION_REASONS[code] ?? code }));
  }
}
