import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { InputCheck, conflict, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { ActionPlanLine, RagChange } from './action-plan-line.js';
import { UpdateActionPlanProgressInput } from './action-plan.inputs.js';
import { Workstream } from '../workstream/workstream.js';
import { assertBoardWriter } from '../board/board-writers.js';

export const MAX_TEXT = 2000;

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
}
