import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { ActionPlanLine, RagChange } from './action-plan-line.js';
import { AreaOfWeakness } from '../workstream/workstream.js';
import { Locality } from '../local-area/local-area.js';
import { Measure } from '../measure/measure.js';

@Resolver(() => ActionPlanLine)
export class ActionPlanLineResolver {
  @FieldResolver(() => [RagChange], { description: 'Every rating given, oldest first: who changed it, when and why.' })
  ragHistory(@Root() line: ActionPlanLine, @Ctx() ctx: SubgraphContext): Promise<RagChange[]> {
    return ctx.loaders.many(RagChange, 'lineId', { changedAt: 'ASC', id: 'ASC' }).load(line.id);
  }

  @FieldResolver(() => AreaOfWeakness, { nullable: true, description: 'The area of weakness it answers, when it answers one.' })
  areaOfWeakness(@Root() line: ActionPlanLine, @Ctx() ctx: SubgraphContext): Promise<AreaOfWeakness | null> | null {
    return line.areaOfWeaknessId ? ctx.loaders.one(AreaOfWeakness, 'id').load(line.areaOfWeaknessId) : null;
  }

  @FieldResolver(() => Locality, { nullable: true, description: "The locality it belongs to; empty for a line for the whole area." })
  locality(@Root() line: ActionPlanLine): Locality | null {
    return line.localityId === null ? null : { id: line.localityId };
  }

  @FieldResolver(() => Measure, {
    nullable: true,
    description: "The board's measure its impact is tracked by, rated on this board's figures, when the line names one; empty when its impact is described in words only (impactMeasure).",
  })
  async measuredBy(@Root() line: ActionPlanLine, @Ctx() ctx: SubgraphContext): Promise<Measure | null> {
    if (!line.impactMeasureId) return null;
    const measure = await ctx.loaders.one(Measure, 'id').load(line.impactMeasureId);
    return measure ? Object.assign(new Measure(), measure, { board: line.board }) : null;
  }
}
