import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { AreaOfWeakness, Workstream } from './workstream.js';
import { Measure } from '../measure/measure.js';
import { ActionPlanLine, ActionPlanLineStatus } from '../action-plan/action-plan-line.js';

const INCLUDE_RETIRED = { defaultValue: false, description: 'True to list the retired ones too, as kept for the history (each says when it was retired).' };

@Resolver(() => Workstream)
export class WorkstreamResolver {
  @FieldResolver(() => [AreaOfWeakness], { description: 'The areas of weakness it answers, by number: the current ones unless asked for the retired too.' })
  async areasOfWeakness(
    @Root() workstream: Workstream,
    @Arg('includeRetired', () => Boolean, INCLUDE_RETIRED) includeRetired: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AreaOfWeakness[]> {
    const rows = await ctx.loaders.many(AreaOfWeakness, 'workstreamId', { number: 'ASC' }).load(workstream.id);
    return includeRetired ? rows : rows.filter((area) => area.retiredAt === null);
  }

  @FieldResolver(() => [Measure], {
    description: 'The measures it is tracked by, in the order of the plan, each rated on the figures of this board (area or locality): the current ones unless asked for the retired too.',
  })
  async measures(
    @Root() workstream: Workstream,
    @Arg('includeRetired', () => Boolean, INCLUDE_RETIRED) includeRetired: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Measure[]> {
    const rows = await ctx.loaders.many(Measure, 'workstreamId', { sortOrder: 'ASC' }).load(workstream.id);
    return rows.filter((row) => includeRetired || row.retiredAt === null).map((row) => Object.assign(new Measure(), row, { board: workstream.board }));
  }

  @FieldResolver(() => [ActionPlanLine], {
    description:
      "Its action plan, in order: on the area's board every line; on a locality's board the area-wide lines and the locality's own. The open lines unless asked for the closed too.",
  })
  async actionPlan(
    @Root() workstream: Workstream,
    @Arg('includeClosed', () => Boolean, { defaultValue: false, description: 'True to list the lines closed (completed or dropped) too, as kept for the history.' }) includeClosed: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActionPlanLine[]> {
    const rows = await ctx.loaders.many(ActionPlanLine, 'workstreamId', { sortOrder: 'ASC' }).load(workstream.id);
    const localityId = workstream.board?.localityId ?? null;
    return rows
      .filter((line) => includeClosed || line.status === ActionPlanLineStatus.OPEN)
      .filter((line) => localityId === null || line.localityId === null || line.localityId === localityId)
      .map((line) => Object.assign(new ActionPlanLine(), line, { board: workstream.board }));
  }
}
