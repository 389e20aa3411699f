import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isValidIsoDate, todayInEngland } from '@local-area-graph/identifiers';
import { InputCheck, conflict, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Measure, MeasureTarget } from './measure.js';
import { MeasureUnit, TargetDirection } from './measure-kind.js';
import { AddMeasureInput, RetireMeasureInput, SetMeasureTargetInput } from './measure.inputs.js';
import { FIGURE_SOURCES } from '../figures/figure-sources.js';
import { AreaOfWeakness, Workstream } from '../workstream/workstream.js';
import { assertBoardWriter } from '../board/board-writers.js';
import { lockWorkstream } from '../workstream/workstream.mutations.js';
import { PlanChangeKind, recordPlanChange } from '../plan-change/plan-change.js';
import { LOCALITY_ID, MAX_TEXT, MAX_TITLE, requiredText } from '../plan-change/plan-input.js';


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
    if (measure && (measure.retiredAt !== null || (await ctx.loaders.one(Workstream, 'id').load(measure.workstreamId))!.retiredAt !== null)) {
      throw conflict(`${measure.name} was retired: it takes no new targets.`, { field: 'input.measureId' });
    }
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

  @Mutation(() => Measure, {
    description:
      "Add a measure to a workstream, bound to a figure another service owns (its kind, and for a waiting-time kind the NHS service). It is shown on the board at once, not rated until the board sets a target (setMeasureTarget). Kept in the plan's history. ADMIN or a member of the area's board.",
  })
  async addMeasure(
    @Arg('input', () => AddMeasureInput, { description: 'The measure.' }) input: AddMeasureInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Measure> {
    const field = 'Mutation.addMeasure';
    const areaOfWeaknessId = input.areaOfWeaknessId ?? null;
    const check = new InputCheck()
      .require(isUuid(input.workstreamId), 'workstreamId', 'is not a platform id')
      .require(areaOfWeaknessId === null || isUuid(areaOfWeaknessId), 'areaOfWeaknessId', 'is not a platform id');
    const name = requiredText(check, input.name, 'name', MAX_TITLE);
    // The bound figure must exist: a kind published per service names one the owner publishes, and no other kind names one.
    const services = FIGURE_SOURCES[input.kind].serviceCodes;
    const serviceCode = input.serviceCode ?? null;
    if (services) {
      check.require(
        serviceCode !== null && services.includes(serviceCode),
        'serviceCode',
        serviceCode === null ? `is required for ${input.kind}: one of ${services.join(', ')}` : `"${serviceCode}" is not a service the health service publishes waiting times for: one of ${services.join(', ')}`,
      );
    } else {
      check.require(serviceCode === null, 'serviceCode', `is for waiting-time measures only: leave it out for ${input.kind}`);
    }
    if (!isUuid(input.workstreamId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const { workstream, name: byName } = await lockWorkstream(ctx, manager, input.workstreamId, 'input.workstreamId', field);
      if (areaOfWeaknessId !== null && isUuid(areaOfWeaknessId)) {
        const area = await manager.getRepository(AreaOfWeakness).findOne({ where: { id: areaOfWeaknessId.toLowerCase() } });
        check.require(area !== null && area.workstreamId === workstream.id && area.retiredAt === null, 'areaOfWeaknessId', `is not a current area of weakness of workstream ${workstream.letter}`);
      }
      check.done();
      const [{ next }] = await manager.query('SELECT coalesce(max(sort_order), 0) + 1 AS next FROM measure WHERE workstream_id = $1', [workstream.id]);
      const measure = manager.getRepository(Measure).create({
        id: randomUUID(),
        workstreamId: workstream.id,
        areaOfWeaknessId: areaOfWeaknessId?.toLowerCase() ?? null,
        name,
        kind: input.kind,
        serviceCode,
        sortOrder: next,
        retiredAt: null,
      });
      await manager.getRepository(Measure).insert({ ...measure, board: undefined } as Omit<Measure, 'board'>);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.MEASURE_ADDED,
        itemId: measure.id,
        summary: `${name} (${input.kind}${serviceCode ? `, ${serviceCode}` : ''}), under workstream ${workstream.letter}`,
        byName,
        at: new Date(),
      });
      return measure;
    });
  }

  @Mutation(() => Measure, {
    description:
      "Retire a measure: it and its targets are kept for the history, and it is no longer rated on the board (unless asked for with includeRetired). Action-plan lines that name it as their impact measure keep it. Kept in the plan's history. ADMIN or a member of the area's board.",
  })
  async retireMeasure(
    @Arg('input', () => RetireMeasureInput, { description: 'The measure, and why.' }) input: RetireMeasureInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Measure> {
    const field = 'Mutation.retireMeasure';
    const check = new InputCheck().require(isUuid(input.measureId), 'measureId', 'is not a platform id');
    const reason = requiredText(check, input.reason, 'reason', MAX_TEXT, 'is blank: say why');
    if (!isUuid(input.measureId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const found = await manager.getRepository(Measure).findOne({ where: { id: input.measureId.toLowerCase() } });
      if (!found) throw notFound('measure', input.measureId, 'input.measureId');
      const { workstream, name } = await lockWorkstream(ctx, manager, found.workstreamId, 'input.measureId', field);
      check.done();
      const measure = (await manager.getRepository(Measure).findOne({ where: { id: found.id } }))!;
      if (measure.retiredAt !== null) throw conflict(`${measure.name} is already retired.`, { field: 'input.measureId' });
      const now = new Date();
      measure.retiredAt = now;
      await manager.getRepository(Measure).save(measure);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.MEASURE_RETIRED,
        itemId: measure.id,
        summary: `${measure.name}, under workstream ${workstream.letter}`,
        reason,
        byName: name,
        at: now,
      });
      return measure;
    });
  }
}
