import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isValidIsoDate, todayInEngland } from '@local-area-graph/identifiers';
import { InputCheck, conflict, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { ActionPlanLine, ActionPlanLineStatus, RagChange } from './action-plan-line.js';
import { AddActionPlanLineInput, CloseActionPlanLineInput, UpdateActionPlanProgressInput } from './action-plan.inputs.js';
import { AreaOfWeakness, Workstream } from '../workstream/workstream.js';
import { Measure } from '../measure/measure.js';
import { assertBoardWriter } from '../board/board-writers.js';
import { lockWorkstream } from '../workstream/workstream.mutations.js';
import { PlanChangeKind, recordPlanChange } from '../plan-change/plan-change.js';
import { LOCALITY_ID, MAX_TEXT, MAX_TITLE, optionalText, requiredText } from '../plan-change/plan-input.js';

@Resolver()
export class ActionPlanMutations {
  @Mutation(() => ActionPlanLine, {
    description:
      "Rate an action-plan line's progress red, amber or green with a commentary. The change is kept in its history (who, when, why), in the same transaction. ADMIN or a member of the area's board.",
  })
  async updateActionPlanProgress(
    @Arg('input', () => UpdateActionPlanProgressInput, { description: 'The new rating and why.' }) input: UpdateActionPlanProgressInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActionPlanLine> {
    const field = 'Mutation.updateActionPlanProgress';
    const commentary = input.commentary.trim();
    new InputCheck()
      .require(isUuid(input.lineId), 'lineId', 'is not a platform id')
      .require(commentary.length > 0, 'commentary', 'is blank: say why')
      .require(commentary.length <= MAX_TEXT, 'commentary', `is ${commentary.length} characters: at most ${MAX_TEXT}`)
      .require(input.expectedVersion >= 1, 'expectedVersion', `${input.expectedVersion} is not a version this API issued`)
      .done();
    return inTransaction(ctx, async (manager) => {
      const line = await manager.getRepository(ActionPlanLine).findOne({ where: { id: input.lineId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!line) throw notFound('action-plan line', input.lineId, 'input.lineId');
      const workstream = (await manager.getRepository(Workstream).findOne({ where: { id: line.workstreamId } }))!;
      const name = await assertBoardWriter(ctx, manager, workstream.localAreaCode, field);
      if (line.status !== ActionPlanLineStatus.OPEN) throw conflict(`The line was closed (${line.status.toLowerCase()}): it is no longer rated.`, { field: 'input.lineId' });
      if (line.version !== input.expectedVersion) {
        throw conflict('Someone else updated this line since you read it; read it again and retry.', {
          field: 'input.expectedVersion',
          expectedVersion: input.expectedVersion,
          currentVersion: line.version,
        });
      }
      const now = new Date();
      await manager.getRepository(RagChange).insert({
        id: randomUUID(),
        lineId: line.id,
        fromRag: line.rag,
        toRag: input.rag,
        commentary,
        changedBy: ctx.viewer.subject,
        changedByName: name,
        changedAt: now,
      });
      Object.assign(line, { rag: input.rag, commentary, updatedAt: now, updatedByName: name, version: line.version + 1 });
      await manager.getRepository(ActionPlanLine).save(line);
      return line;
    });
  }

  @Mutation(() => ActionPlanLine, {
    description:
      "Add a line to a workstream's action plan, for the whole area or one locality, with its first rating and commentary (the first entry of its history), in one transaction. Kept in the plan's history. ADMIN or a member of the area's board.",
  })
  async addActionPlanLine(
    @Arg('input', () => AddActionPlanLineInput, { description: 'The line and its first rating.' }) input: AddActionPlanLineInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActionPlanLine> {
    const field = 'Mutation.addActionPlanLine';
    const areaOfWeaknessId = input.areaOfWeaknessId ?? null;
    const impactMeasureId = input.impactMeasureId ?? null;
    const localityId = input.localityId ?? null;
    const check = new InputCheck()
      .require(isUuid(input.workstreamId), 'workstreamId', 'is not a platform id')
      .require(areaOfWeaknessId === null || isUuid(areaOfWeaknessId), 'areaOfWeaknessId', 'is not a platform id')
      .require(localityId === null || LOCALITY_ID.test(localityId), 'localityId', `"${localityId}" is not a locality id (lower-case letters, digits and hyphens)`);
    const recommendation = requiredText(check, input.recommendation, 'recommendation', MAX_TEXT);
    const how = requiredText(check, input.how, 'how', MAX_TEXT);
    const who = requiredText(check, input.who, 'who', MAX_TITLE);
    if (!isValidIsoDate(input.byWhen)) check.require(false, 'byWhen', `"${input.byWhen}" is not a date (yyyy-mm-dd)`);
    else check.require(input.byWhen >= todayInEngland(), 'byWhen', `${input.byWhen} is in the past: a new action is due on a day to come`);
    check.require(impactMeasureId === null || isUuid(impactMeasureId), 'impactMeasureId', 'is not a platform id');
    const impactInWords = optionalText(check, input.impactMeasure, 'impactMeasure', MAX_TEXT) ?? null;
    check.require(impactMeasureId !== null || input.impactMeasure != null, 'impactMeasure', 'is required when no impactMeasureId is given: say how its impact is measured');
    const commentary = requiredText(check, input.commentary, 'commentary', MAX_TEXT, 'is blank: say why');
    if (!isUuid(input.workstreamId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const { workstream, name } = await lockWorkstream(ctx, manager, input.workstreamId, 'input.workstreamId', field);
      if (areaOfWeaknessId !== null && isUuid(areaOfWeaknessId)) {
        const area = await manager.getRepository(AreaOfWeakness).findOne({ where: { id: areaOfWeaknessId.toLowerCase() } });
        check.require(area !== null && area.workstreamId === workstream.id && area.retiredAt === null, 'areaOfWeaknessId', `is not a current area of weakness of workstream ${workstream.letter}`);
      }
      let measure: Measure | null = null;
      if (impactMeasureId !== null && isUuid(impactMeasureId)) {
        measure = await manager.getRepository(Measure).findOne({ where: { id: impactMeasureId.toLowerCase() } });
        const [home] = measure ? await manager.query('SELECT local_area_code, retired_at FROM workstream WHERE id = $1', [measure.workstreamId]) : [];
        check.require(
          measure !== null && measure.retiredAt === null && home.local_area_code === workstream.localAreaCode && home.retired_at === null,
          'impactMeasureId',
          "is not a current measure of the area's plan",
        );
      }
      check.done();
      const [{ next }] = await manager.query('SELECT coalesce(max(sort_order), 0) + 1 AS next FROM action_plan_line WHERE workstream_id = $1', [workstream.id]);
      const now = new Date();
      const line = manager.getRepository(ActionPlanLine).create({
        id: randomUUID(),
        workstreamId: workstream.id,
        areaOfWeaknessId: areaOfWeaknessId?.toLowerCase() ?? null,
        localityId,
        sortOrder: next,
        recommendation,
        how,
        who,
        byWhen: input.byWhen,
        impactMeasure: impactInWords ?? measure!.name,
        impactMeasureId: measure?.id ?? null,
        rag: input.rag,
        commentary,
        updatedAt: now,
        updatedByName: name,
        version: 1,
        status: ActionPlanLineStatus.OPEN,
        closedAt: null,
        closedReason: null,
        closedByName: null,
      });
      await manager.getRepository(ActionPlanLine).insert({ ...line, board: undefined } as Omit<ActionPlanLine, 'board'>);
      await manager.getRepository(RagChange).insert({
        id: randomUUID(),
        lineId: line.id,
        fromRag: null,
        toRag: input.rag,
        commentary,
        changedBy: ctx.viewer.subject,
        changedByName: name,
        changedAt: now,
      });
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.ACTION_PLAN_LINE_ADDED,
        itemId: line.id,
        summary: `${recommendation.slice(0, 120)} (workstream ${workstream.letter}${localityId ? `, ${localityId}` : ''})`,
        byName: name,
        at: now,
      });
      return line;
    });
  }

  @Mutation(() => ActionPlanLine, {
    description:
      "Close an action-plan line, completed or dropped, with why. It is kept, with its RAG history, and no longer rated; the board shows it only when asked (includeClosed). Kept in the plan's history. ADMIN or a member of the area's board.",
  })
  async closeActionPlanLine(
    @Arg('input', () => CloseActionPlanLineInput, { description: 'The line, how it closes and why.' }) input: CloseActionPlanLineInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ActionPlanLine> {
    const field = 'Mutation.closeActionPlanLine';
    const check = new InputCheck().require(isUuid(input.lineId), 'lineId', 'is not a platform id');
    const reason = requiredText(check, input.reason, 'reason', MAX_TEXT, 'is blank: say why');
    check.require(input.expectedVersion >= 1, 'expectedVersion', `${input.expectedVersion} is not a version this API issued`).done();
    return inTransaction(ctx, async (manager) => {
      const line = await manager.getRepository(ActionPlanLine).findOne({ where: { id: input.lineId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!line) throw notFound('action-plan line', input.lineId, 'input.lineId');
      const workstream = (await manager.getRepository(Workstream).findOne({ where: { id: line.workstreamId } }))!;
      const name = await assertBoardWriter(ctx, manager, workstream.localAreaCode, field);
      if (line.status !== ActionPlanLineStatus.OPEN) throw conflict(`The line was already closed (${line.status.toLowerCase()}).`, { field: 'input.lineId' });
      if (line.version !== input.expectedVersion) {
        throw conflict('Someone else updated this line since you read it; read it again and retry.', {
          field: 'input.expectedVersion',
          expectedVersion: input.expectedVersion,
          currentVersion: line.version,
        });
      }
      const now = new Date();
      Object.assign(line, {
        status: input.closedAs as unknown as ActionPlanLineStatus,
        closedAt: now,
        closedReason: reason,
        closedByName: name,
        version: line.version + 1,
      });
      await manager.getRepository(ActionPlanLine).save(line);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.ACTION_PLAN_LINE_CLOSED,
        itemId: line.id,
        summary: `${input.closedAs === 'COMPLETED' ? 'Completed' : 'Dropped'}: ${line.recommendation.slice(0, 120)} (workstream ${workstream.letter})`,
        reason,
        byName: name,
        at: now,
      });
      return line;
    });
  }
}
