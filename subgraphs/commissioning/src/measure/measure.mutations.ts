import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isValidIsoDate, todayInEngland } from '@local-area-graph/identifiers';
import { InputCheck, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Measure, MeasureTarget } from './measure.js';
import { MeasureUnit, TargetDirection } from './measure-kind.js';
import { SetMeasureTargetInput } from './measure.inputs.js';
import { FIGURE_SOURCES } from '../figures/figure-sources.js';
import { Workstream } from '../workstream/workstream.js';
import { assertBoardWriter } from '../board/board-writers.js';

export const MAX_TEXT = 2000;
const LOCALITY_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A value in the measure's unit: a share from 0 to 1, or a whole number of at least 0. */
function inUnit(check: InputCheck, unit: MeasureUnit, value: number, field: string): void {
  if (!Number.isFinite(value)) check.require(false, field, 'is not a number');
  else if (unit === MeasureUnit.SHARE) check.require(value >= 0 && value <= 1, field, `${value} is not a share from 0 to 1 (write 60% as 0.6)`);
  else check.require(Number.isInteger(value) && value >= 0, field, `${value} is not a whole number of at least 0`);
}

/** The local area whose board a measure belongs to. */
async function areaOf(ctx: SubgraphContext, measure: Measure): Promise<string> {
  return (await ctx.loaders.one(Workstream, 'id').load(measure.workstreamId))!.localAreaCode;
}

@Resolver()
export class MeasureMutations {
  @Mutation(() => MeasureTarget, {
    description:
      "Set a measure's target for the whole area or one locality. The previous target is kept in its history; the new one is current. ADMIN or a member of the area's board.",
  })
  async setMeasureTarget(
    @Arg('input', () => SetMeasureTargetInput, { description: 'The target.' }) input: SetMeasureTargetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MeasureTarget> {
    const field = 'Mutation.setMeasureTarget';
    // The measure first: who may set its target depends on its area, and what a valid
    // value is on its unit, so that every problem can still be reported at once.
    const measure = isUuid(input.measureId) ? await ctx.db.getRepository(Measure).findOne({ where: { id: input.measureId.toLowerCase() } }) : null;
    if (isUuid(input.measureId) && !measure) throw notFound('measure', input.measureId, 'input.measureId');
    const name = measure ? await assertBoardWriter(ctx, ctx.db.manager, await areaOf(ctx, measure), field) : null;
    const reason = input.reason.trim();
    const localityId = input.localityId ?? null;
    const check = new InputCheck()
      .require(measure !== null, 'measureId', 'is not a platform id')
      .require(localityId === null || LOCALITY_ID.test(localityId), 'localityId', `"${localityId}" is not a locality id (lower-case letters, digits and hyphens)`);
    if (measure) {
      const unit = FIGURE_SOURCES[measure.kind].unit;
      inUnit(check, unit, input.value, 'value');
      inUnit(check, unit, input.amberThreshold, 'amberThreshold');
    }
    const higher = input.direction === TargetDirection.HIGHER_IS_BETTER;
    check.require(
      !Number.isFinite(input.value) || !Number.isFinite(input.amberThreshold) || (higher ? input.amberThreshold <= input.value : input.amberThreshold >= input.value),
      'amberThreshold',
      `must be ${higher ? 'at or below' : 'at or above'} the target (${input.value}) when ${higher ? 'higher' : 'lower'} is better`,
    );
    if (!isValidIsoDate(input.byDate)) check.require(false, 'byDate', `"${input.byDate}" is not a date (yyyy-mm-dd)`);
    else check.require(input.byDate >= todayInEngland(), 'byDate', `${input.byDate} is in the past: a target is met by a day to come`);
    check
      .require(reason.length > 0, 'reason', 'is blank: say why the board set it')
      .require(reason.length <= MAX_TEXT, 'reason', `is ${reason.length} characters: at most ${MAX_TEXT}`)
      .done();

    // One row: the target, with who set it and why; the history is the rows before it.
    return inTransaction(ctx, async (manager) => {
      const target = manager.getRepository(MeasureTarget).create({
        id: randomUUID(),
        measureId: measure!.id,
        localityId,
        value: input.value,
        amberThreshold: input.amberThreshold,
        direction: input.direction,
        byDate: input.byDate,
        reason,
        setBy: ctx.viewer.subject,
        setByName: name!,
        setAt: new Date(),
      });
      await manager.getRepository(MeasureTarget).insert(target);
      return target;
    });
  }
}
