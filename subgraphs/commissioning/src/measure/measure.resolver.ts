import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DisclosureSymbol } from '@local-area-graph/disclosure';
import { completeMonthsBefore, todayInEngland } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Measure, MeasureReading, MeasureTarget } from './measure.js';
import { MeasureRating, MeasureUnit, NotRatedReason } from './measure-kind.js';
import { FIGURE_SOURCES, type Reading } from '../figures/figure-sources.js';
import { rate } from './rating.js';
import { currentTargetsLoader } from './measure.loaders.js';
import { AreaOfWeakness } from '../workstream/workstream.js';
import { Locality } from '../local-area/local-area.js';

/** The measure's readings on its board, oldest first; null when the owner's figures did not arrive. */
function readingsOf(measure: Measure): Reading[] | null {
  if (!measure.board) return null;
  return FIGURE_SOURCES[measure.kind].readings(measure.board.figures, measure.serviceCode);
}

/** The latest month's reading: the one a measure is rated on. */
function currentOf(measure: Measure): Reading | null {
  const readings = readingsOf(measure);
  return readings && readings.length > 0 ? readings[readings.length - 1]! : null;
}

/**
 * The target a measure is rated against on its board: on the area's board the area's
 * target; on a locality's board the locality's own, or for a share the area's (a share
 * compares across places; a count for the whole area says nothing about one locality).
 */
async function targetOf(measure: Measure, ctx: SubgraphContext): Promise<MeasureTarget | null> {
  const targets = await currentTargetsLoader(ctx).load(measure.id);
  const area = targets.find((t) => t.localityId === null) ?? null;
  const localityId = measure.board?.localityId ?? null;
  if (localityId === null) return area;
  const own = targets.find((t) => t.localityId === localityId);
  if (own) return own;
  return FIGURE_SOURCES[measure.kind].unit === MeasureUnit.SHARE ? area : null;
}

// Not held here: x, as the owner would mark a figure it does not have.
const missing = (month: string): MeasureReading => ({ month, value: null, suppressed: false, symbol: DisclosureSymbol.NOT_AVAILABLE, rounded: false });

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => MeasureUnit, { description: 'Whether its value is a share (0 to 1) or a count.' })
  unit(@Root() measure: Measure): MeasureUnit {
    return FIGURE_SOURCES[measure.kind].unit;
  }

  @FieldResolver(() => String, { description: 'The service that owns the figure, e.g. "send".' })
  owner(@Root() measure: Measure): string {
    return FIGURE_SOURCES[measure.kind].owner;
  }

  @FieldResolver(() => String, { description: 'The figure as its owner publishes it, e.g. "ehcTimeliness(from, to) { share }": ask the owner for it directly and the numbers are the same.' })
  figure(@Root() measure: Measure): string {
    return FIGURE_SOURCES[measure.kind].figure;
  }

  @FieldResolver(() => AreaOfWeakness, { nullable: true, description: 'The area of weakness it tracks, when it tracks one.' })
  areaOfWeakness(@Root() measure: Measure, @Ctx() ctx: SubgraphContext): Promise<AreaOfWeakness | null> | null {
    return measure.areaOfWeaknessId ? ctx.loaders.one(AreaOfWeakness, 'id').load(measure.areaOfWeaknessId) : null;
  }

  @FieldResolver(() => [MeasureReading], { description: 'The figure month by month over the 12 complete months before today, oldest first, as the owner published it.' })
  trend(@Root() measure: Measure): MeasureReading[] {
    return readingsOf(measure) ?? [];
  }

  @FieldResolver(() => MeasureReading, {
    description: "The latest month's figure, the one the measure is rated on. When the owner's figures did not arrive, it is not available (symbol x) and the rating says so.",
  })
  current(@Root() measure: Measure): MeasureReading {
    return currentOf(measure) ?? missing(completeMonthsBefore(measure.board?.asOf ?? todayInEngland(), 1).months[0]!);
  }

  @FieldResolver(() => MeasureTarget, { nullable: true, description: 'The target it is rated against on this board; empty when there is none (see notRatedBecause).' })
  target(@Root() measure: Measure, @Ctx() ctx: SubgraphContext): Promise<MeasureTarget | null> {
    return targetOf(measure, ctx);
  }

  @FieldResolver(() => [MeasureTarget], { description: "Every target set for it for this board's area or locality, latest first: the history of the board's ambition." })
  async targetHistory(@Root() measure: Measure, @Ctx() ctx: SubgraphContext): Promise<MeasureTarget[]> {
    const all = await ctx.loaders.many(MeasureTarget, 'measureId', { setAt: 'DESC' }).load(measure.id);
    const localityId = measure.board?.localityId ?? null;
    return all.filter((target) => target.localityId === localityId);
  }

  @FieldResolver(() => MeasureRating, { description: "Its rating: the latest month's figure against the target." })
  async rating(@Root() measure: Measure, @Ctx() ctx: SubgraphContext): Promise<MeasureRating> {
    return rate(currentOf(measure), await targetOf(measure, ctx)).rating;
  }

  @FieldResolver(() => NotRatedReason, { nullable: true, description: 'Why it is not rated; empty when it is.' })
  async notRatedBecause(@Root() measure: Measure, @Ctx() ctx: SubgraphContext): Promise<NotRatedReason | null> {
    return rate(currentOf(measure), await targetOf(measure, ctx)).notRatedBecause;
  }
}

@Resolver(() => MeasureTarget)
export class MeasureTargetResolver {
  @FieldResolver(() => Locality, { nullable: true, description: "The locality it is for; empty for the whole area's target." })
  locality(@Root() target: MeasureTarget): Locality | null {
    return target.localityId === null ? null : { id: target.localityId };
  }
}
