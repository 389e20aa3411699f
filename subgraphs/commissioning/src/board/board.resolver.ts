import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { completeMonthsBefore, LocalDateScalar, todayInEngland } from '@local-area-graph/identifiers';
import { badUserInput, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { LocalArea, Locality } from '../local-area/local-area.js';
import { REQUIRED_FIGURES, type OwnedFigures } from '../figures/figure-sources.js';
import { Workstream } from '../workstream/workstream.js';
import { BoardMember } from './board-member.js';
import type { BoardScope } from './board-scope.js';
import { PlanChange } from '../plan-change/plan-change.js';

@ObjectType({
  description:
    "The SEND improvement board's view of a local area or one locality: every workstream with its measures (latest value, target, rating, month-by-month trend) and its action plan. Every figure is the owning service's, small numbers withheld.",
})
export class ImprovementBoard {
  @Field(() => LocalDateScalar, { description: 'The day the view is as of (today).' })
  asOf: string;

  @Field(() => [String], { description: 'The 12 complete calendar months the trends cover, oldest first, e.g. "2025-11" to "2026-10"; the latest is what measures are rated on.' })
  months: string[];

  scope: BoardScope;
}

function boardOf(localAreaCode: string, localityId: string | null, figures: OwnedFigures): ImprovementBoard {
  const asOf = todayInEngland();
  return Object.assign(new ImprovementBoard(), { asOf, months: completeMonthsBefore(asOf, 12).months, scope: { localAreaCode, localityId, figures, asOf } });
}

// The field set is the figures every measure kind reads: one fetch per owning
// subgraph for every area or locality of a query, however many measures there are.
@Resolver(() => LocalArea)
export class LocalAreaBoardResolver {
  @FieldResolver(() => ImprovementBoard, { description: "The area's SEND improvement board: workstreams, measures rated on the area's figures, action plans. Aggregates only: every role may read it." })
  @Directive(`@requires(fields: "${REQUIRED_FIGURES}")`)
  improvementBoard(@Root() area: LocalArea): ImprovementBoard {
    return boardOf(area.code, null, area);
  }
}

@Resolver(() => Locality)
export class LocalityBoardResolver {
  @FieldResolver(() => ImprovementBoard, {
    description:
      "The area's SEND improvement board as it looks for this locality: the area's workstreams, measures rated on the locality's figures (against the locality's own target; a share against the area's when it has none), the area's action plans and the locality's own. Aggregates only: every role may read it.",
  })
  @Directive(`@requires(fields: "localArea { code } ${REQUIRED_FIGURES}")`)
  improvementBoard(@Root() locality: Locality): ImprovementBoard {
    const code = locality.localArea?.code;
    // Only a direct caller leaving the required field out gets here; the gateway always sends it.
    if (!code) throw new GraphQLError('The locality came without its local area.', { extensions: { code: 'BAD_USER_INPUT', argument: 'representations' } });
    return boardOf(code, locality.id, locality);
  }
}

@Resolver(() => ImprovementBoard)
export class ImprovementBoardResolver {
  @FieldResolver(() => [Workstream], { description: 'The workstreams of the plan, by letter: the current ones unless asked for the retired too.' })
  async workstreams(
    @Root() board: ImprovementBoard,
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'True to list the retired workstreams too, as kept for the history (each says when it was retired).' }) includeRetired: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Workstream[]> {
    const rows = await ctx.loaders.many(Workstream, 'localAreaCode', { letter: 'ASC', retiredAt: 'DESC' }).load(board.scope.localAreaCode);
    return rows.filter((row) => includeRetired || row.retiredAt === null).map((row) => Object.assign(new Workstream(), row, { board: board.scope }));
  }

  @FieldResolver(() => [PlanChange], {
    description: "How the board has changed the shape of its plan (workstreams, areas of weakness, measures, action-plan lines added, changed, retired or closed), newest first: who, when and why.",
  })
  async planChanges(
    @Root() board: ImprovementBoard,
    @Arg('last', () => Int, { defaultValue: 20, description: 'How many of the latest changes, from 1 to 100.' }) last: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PlanChange[]> {
    if (last < 1 || last > 100) throw badUserInput(`last must be from 1 to 100, not ${last}.`, 'last');
    const rows = await ctx.loaders.many(PlanChange, 'localAreaCode', { changedAt: 'DESC', id: 'ASC' }).load(board.scope.localAreaCode);
    return rows.slice(0, last);
  }

  @FieldResolver(() => [BoardMember], { description: 'Who sits on the board now, in the order they joined.' })
  async members(@Root() board: ImprovementBoard, @Ctx() ctx: SubgraphContext): Promise<BoardMember[]> {
    const rows = await ctx.loaders.many(BoardMember, 'localAreaCode', { appointedAt: 'ASC', name: 'ASC' }).load(board.scope.localAreaCode);
    return rows.filter((member) => member.endedAt === null);
  }
}
