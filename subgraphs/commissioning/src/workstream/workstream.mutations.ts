import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { InputCheck, conflict, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { AreaOfWeakness, Workstream } from './workstream.js';
import { AddAreaOfWeaknessInput, CreateWorkstreamInput, RetireAreaOfWeaknessInput, RetireWorkstreamInput, UpdateWorkstreamInput } from './workstream.inputs.js';
import { assertBoardWriter } from '../board/board-writers.js';
import { PlanChangeKind, recordPlanChange } from '../plan-change/plan-change.js';
import { MAX_TEXT, MAX_TITLE, optionalText, requiredText } from '../plan-change/plan-input.js';

const LETTER = /^[A-Z]$/;

/**
 * Changes to the shape of one area's plan are made one after the other: a transaction
 * lock on the area, taken before anything is read, so that a letter, a weakness number
 * or the next place in an order is never given twice, and no line is added to a
 * workstream while it is being retired. Boards change their plan's shape rarely; ratings
 * and targets do not take it.
 */
export async function lockPlan(manager: EntityManager, localAreaCode: string): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('improvement-plan:' || $1, 0))", [localAreaCode]);
}

/**
 * A current workstream, its area's plan locked (lockPlan) and the row read under the
 * lock. NOT_FOUND, FORBIDDEN to a caller who may not change its area's plan, CONFLICT
 * once retired. Returns it and the name the history records the change under.
 */
export async function lockWorkstream(
  ctx: SubgraphContext,
  manager: EntityManager,
  id: string,
  argument: string,
  field: string,
): Promise<{ workstream: Workstream; name: string }> {
  const found = await manager.getRepository(Workstream).findOne({ where: { id: id.toLowerCase() } });
  if (!found) throw notFound('workstream', id, argument);
  const name = await assertBoardWriter(ctx, manager, found.localAreaCode, field);
  await lockPlan(manager, found.localAreaCode);
  const workstream = (await manager.getRepository(Workstream).findOne({ where: { id: found.id } }))!;
  if (workstream.retiredAt !== null) throw conflict(`Workstream ${workstream.letter} was retired; nothing can change under it.`, { field: argument });
  return { workstream, name };
}

const openLines = async (manager: EntityManager, column: 'workstream_id' | 'area_of_weakness_id', id: string): Promise<number> =>
  Number((await manager.query(`SELECT count(*)::int AS n FROM action_plan_line WHERE ${column} = $1 AND status = 'OPEN'`, [id]))[0].n);

@Resolver()
export class WorkstreamMutations {
  @Mutation(() => Workstream, {
    description:
      "Start a workstream of a local area's improvement plan, under a letter no current workstream of the area has. Kept in the plan's history (who, when). ADMIN or a member of the area's board.",
  })
  async createWorkstream(
    @Arg('input', () => CreateWorkstreamInput, { description: 'The workstream.' }) input: CreateWorkstreamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Workstream> {
    const field = 'Mutation.createWorkstream';
    const check = new InputCheck().require(LETTER.test(input.letter), 'letter', `"${input.letter}" is not one capital letter, e.g. "F"`);
    const title = requiredText(check, input.title, 'title', MAX_TITLE);
    const description = requiredText(check, input.description, 'description', MAX_TEXT);
    const lead = optionalText(check, input.lead, 'lead', MAX_TITLE) ?? null;
    return inTransaction(ctx, async (manager) => {
      const name = await assertBoardWriter(ctx, manager, input.localAreaCode, field);
      check.done();
      await lockPlan(manager, input.localAreaCode);
      const current: { letter: string }[] = await manager.query('SELECT letter FROM workstream WHERE local_area_code = $1 AND retired_at IS NULL', [input.localAreaCode]);
      if (current.some((w) => w.letter === input.letter)) throw conflict(`The area's plan already has a workstream ${input.letter}.`, { field: 'input.letter' });
      const now = new Date();
      const workstream = manager.getRepository(Workstream).create({ id: randomUUID(), localAreaCode: input.localAreaCode, letter: input.letter, title, description, lead, version: 1, retiredAt: null });
      await manager.getRepository(Workstream).insert({ ...workstream, board: undefined } as Omit<Workstream, 'board'>);
      await recordPlanChange(manager, ctx, { localAreaCode: input.localAreaCode, change: PlanChangeKind.WORKSTREAM_CREATED, itemId: workstream.id, summary: `Workstream ${input.letter}: ${title}`, byName: name, at: now });
      return workstream;
    });
  }

  @Mutation(() => Workstream, {
    description: "Change a workstream's title, description or lead. Kept in the plan's history (what it was, who, when). ADMIN or a member of the area's board.",
  })
  async updateWorkstream(
    @Arg('input', () => UpdateWorkstreamInput, { description: 'What changes, and the version read.' }) input: UpdateWorkstreamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Workstream> {
    const field = 'Mutation.updateWorkstream';
    const check = new InputCheck().require(isUuid(input.workstreamId), 'workstreamId', 'is not a platform id');
    // Title and description cannot be emptied: null is read as "no change", like leaving them out.
    const title = optionalText(check, input.title, 'title', MAX_TITLE);
    const description = optionalText(check, input.description, 'description', MAX_TEXT);
    const lead = optionalText(check, input.lead, 'lead', MAX_TITLE);
    check
      .require(title != null || description != null || lead !== undefined, 'workstreamId', 'nothing to change: give a title, description or lead')
      .require(input.expectedVersion >= 1, 'expectedVersion', `${input.expectedVersion} is not a version this API issued`);
    if (!isUuid(input.workstreamId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const { workstream, name } = await lockWorkstream(ctx, manager, input.workstreamId, 'input.workstreamId', field);
      check.done();
      if (workstream.version !== input.expectedVersion) {
        throw conflict('Someone else changed this workstream since you read it; read it again and retry.', {
          field: 'input.expectedVersion',
          expectedVersion: input.expectedVersion,
          currentVersion: workstream.version,
        });
      }
      const changes: string[] = [];
      if (title != null && title !== workstream.title) changes.push(`title was "${workstream.title}"`);
      if (description != null && description !== workstream.description) changes.push('description changed');
      if (lead !== undefined && lead !== workstream.lead) changes.push(`lead was ${workstream.lead === null ? 'nobody' : `"${workstream.lead}"`}`);
      Object.assign(workstream, {
        title: title ?? workstream.title,
        description: description ?? workstream.description,
        lead: lead === undefined ? workstream.lead : lead,
        version: workstream.version + 1,
      });
      await manager.getRepository(Workstream).save(workstream);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.WORKSTREAM_UPDATED,
        itemId: workstream.id,
        summary: `Workstream ${workstream.letter}: ${changes.length > 0 ? changes.join('; ') : 'saved unchanged'}`,
        byName: name,
        at: new Date(),
      });
      return workstream;
    });
  }

  @Mutation(() => Workstream, {
    description:
      "Retire a workstream: it is kept, with its measures, targets and action plans, for the history, and no longer shown on the board (unless asked for with includeRetired). Refused (CONFLICT) while any of its action-plan lines is open: close them first. ADMIN or a member of the area's board.",
  })
  async retireWorkstream(
    @Arg('input', () => RetireWorkstreamInput, { description: 'The workstream, and why.' }) input: RetireWorkstreamInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Workstream> {
    const field = 'Mutation.retireWorkstream';
    const check = new InputCheck().require(isUuid(input.workstreamId), 'workstreamId', 'is not a platform id');
    const reason = requiredText(check, input.reason, 'reason', MAX_TEXT, 'is blank: say why');
    if (!isUuid(input.workstreamId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const { workstream, name } = await lockWorkstream(ctx, manager, input.workstreamId, 'input.workstreamId', field);
      check.done();
      // Lines are added only under the plan's lock, so none can open between the count and the retirement.
      const open = await openLines(manager, 'workstream_id', workstream.id);
      if (open > 0) {
        throw conflict(`Workstream ${workstream.letter} has ${open} open action-plan line${open === 1 ? '' : 's'}: complete or drop ${open === 1 ? 'it' : 'them'} first.`, {
          field: 'input.workstreamId',
        });
      }
      const now = new Date();
      workstream.retiredAt = now;
      await manager.getRepository(Workstream).save(workstream);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.WORKSTREAM_RETIRED,
        itemId: workstream.id,
        summary: `Workstream ${workstream.letter}: ${workstream.title}`,
        reason,
        byName: name,
        at: now,
      });
      return workstream;
    });
  }

  @Mutation(() => AreaOfWeakness, {
    description:
      "Put an area of weakness an inspection found under the workstream that answers it, by its number in the findings (no current area of weakness of the area may have it). Kept in the plan's history. ADMIN or a member of the area's board.",
  })
  async addAreaOfWeakness(
    @Arg('input', () => AddAreaOfWeaknessInput, { description: 'The area of weakness.' }) input: AddAreaOfWeaknessInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AreaOfWeakness> {
    const field = 'Mutation.addAreaOfWeakness';
    const check = new InputCheck()
      .require(isUuid(input.workstreamId), 'workstreamId', 'is not a platform id')
      .require(input.number >= 1 && input.number <= 99, 'number', `${input.number} is not a number from 1 to 99`);
    const description = requiredText(check, input.description, 'description', MAX_TEXT);
    if (!isUuid(input.workstreamId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const { workstream, name } = await lockWorkstream(ctx, manager, input.workstreamId, 'input.workstreamId', field);
      check.done();
      // The inspection numbers its findings across the area, not per workstream.
      const [taken]: { letter: string }[] = await manager.query(
        `SELECT w.letter FROM workstream w JOIN area_of_weakness a ON a.workstream_id = w.id
          WHERE w.local_area_code = $1 AND a.number = $2 AND a.retired_at IS NULL AND w.retired_at IS NULL`,
        [workstream.localAreaCode, input.number],
      );
      if (taken) throw conflict(`Area of weakness ${input.number} is already in the plan, under workstream ${taken.letter}.`, { field: 'input.number' });
      const area = manager.getRepository(AreaOfWeakness).create({ id: randomUUID(), workstreamId: workstream.id, number: input.number, description, retiredAt: null });
      await manager.getRepository(AreaOfWeakness).insert(area);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.AREA_OF_WEAKNESS_ADDED,
        itemId: area.id,
        summary: `Area of weakness ${input.number}, under workstream ${workstream.letter}`,
        byName: name,
        at: new Date(),
      });
      return area;
    });
  }

  @Mutation(() => AreaOfWeakness, {
    description:
      "Retire an area of weakness (e.g. a re-inspection found it resolved): kept for the history, no longer shown on the board. Refused (CONFLICT) while an open action-plan line or a current measure answers it. ADMIN or a member of the area's board.",
  })
  async retireAreaOfWeakness(
    @Arg('input', () => RetireAreaOfWeaknessInput, { description: 'The area of weakness, and why.' }) input: RetireAreaOfWeaknessInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AreaOfWeakness> {
    const field = 'Mutation.retireAreaOfWeakness';
    const check = new InputCheck().require(isUuid(input.areaOfWeaknessId), 'areaOfWeaknessId', 'is not a platform id');
    const reason = requiredText(check, input.reason, 'reason', MAX_TEXT, 'is blank: say why');
    if (!isUuid(input.areaOfWeaknessId)) check.done();
    return inTransaction(ctx, async (manager) => {
      const area = await manager.getRepository(AreaOfWeakness).findOne({ where: { id: input.areaOfWeaknessId.toLowerCase() } });
      if (!area) throw notFound('area of weakness', input.areaOfWeaknessId, 'input.areaOfWeaknessId');
      const { workstream, name } = await lockWorkstream(ctx, manager, area.workstreamId, 'input.areaOfWeaknessId', field);
      check.done();
      // Read again under the plan's lock: another retirement may have come first.
      const locked = (await manager.getRepository(AreaOfWeakness).findOne({ where: { id: area.id } }))!;
      if (locked.retiredAt !== null) throw conflict(`Area of weakness ${area.number} is already retired.`, { field: 'input.areaOfWeaknessId' });
      const open = await openLines(manager, 'area_of_weakness_id', area.id);
      const [{ n: measures }] = await manager.query('SELECT count(*)::int AS n FROM measure WHERE area_of_weakness_id = $1 AND retired_at IS NULL', [area.id]);
      if (open > 0 || measures > 0) {
        throw conflict(`Area of weakness ${area.number} is still answered by ${open} open action-plan line(s) and ${measures} current measure(s): close or retire them first.`, {
          field: 'input.areaOfWeaknessId',
        });
      }
      const now = new Date();
      locked.retiredAt = now;
      await manager.getRepository(AreaOfWeakness).save(locked);
      await recordPlanChange(manager, ctx, {
        localAreaCode: workstream.localAreaCode,
        change: PlanChangeKind.AREA_OF_WEAKNESS_RETIRED,
        itemId: area.id,
        summary: `Area of weakness ${area.number}, under workstream ${workstream.letter}`,
        reason,
        byName: name,
        at: now,
      });
      return locked;
    });
  }
}
