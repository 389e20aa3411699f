import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { AreaOfWeakness, Workstream } from './workstream.js';
import { Measure } from '../measure/measure.js';
import { ActionPlanLine } from '../action-plan/action-plan-line.js';

@Resolver(() => Workstream)
export class WorkstreamResolver {
  @FieldResolver(() => [AreaOfWeakness], { description: 'The areas of weakness it answers, by number.' })
  areasOfWeakness(@Root() workstream: Workstream, @Ctx() ctx: SubgraphContext): Promise<AreaOfWeakness[]> {
    return ctx.loaders.many(AreaOfWeakness, 'workstreamId', { number: 'ASC' }).load(workstream.id);
  }

  @FieldResolver(() => [Measure], { description: 'The measures it is tracked by, in the order of the plan, each rated on the figures of this board (area or locality).' })
  async measures(@Root() workstream: Workstream, @Ctx() ctx: SubgraphContext): Promise<Measure[]> {
    const rows = await ctx.loaders.many(Measure, 'workstreamId', { sortOrder: 'ASC' }).load(workstream.id);
    return rows.map((row) => Object.assign(new Measure(), row, { board: workstream.board }));
  }

  @FieldResolver(() => [ActionPlanLine], {
    description: "Its action plan, in order: on the area's board every line; on a locality's board the area-wide lines and the locality's own.",
  })
  async actionPlan(@Root() workstream: Workstream, @Ctx() ctx: SubgraphContext): Promise<ActionPlanLine[]> {
    const rows = await ctx.loaders.many(ActionPlanLine, 'workstreamId', { sortOrder: 'ASC' }).load(workstream.id);
    const localityId = workstream.board?.localityId ?? null;
    return localityId === null ? rows : rows.filter((line) => line.localityId === null || line.localityId === localityId);
  }
}
