import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { InputCheck, conflict, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { School } from '../school/school.js';
import { FRAMEWORK, FRAMEWORK_BY_CODE, SelfEvaluationGrade, STATUTORY_CHECK_ITEMS } from './framework.js';
import { SelfEvaluationStatement, SendAction, SendSelfEvaluation, StatutoryCheck } from './self-evaluation.js';
import { CompleteSendActionInput, RecordSendSelfEvaluationInput } from './self-evaluation.inputs.js';
import { assertMayWriteSelfEvaluation } from './self-evaluation.access.js';

export const MAX_TEXT = 2000;
export const MAX_ACTIONS = 20;

const blank = (text: string | null | undefined) => text == null || text.trim().length === 0;
const trimmed = (text: string | null | undefined) => (blank(text) ? null : text!.trim());

/** Text that is there, and not an essay: every problem named by its field. */
function text(check: InputCheck, value: string | null | undefined, field: string, { optional = false } = {}): void {
  if (blank(value)) check.require(optional, field, 'is blank');
  else check.require(value!.length <= MAX_TEXT, field, `is ${value!.length} characters: at most ${MAX_TEXT}`);
}

/**
 * A school's writes about its own SEND provision: its self-evaluation (with the
 * checklist and action plan, one transaction) and completing an action. Not personal
 * data, so no audit row and no stated purpose; who recorded what is kept on the rows.
 */
@Resolver()
export class SelfEvaluationMutations {
  @Mutation(() => SendSelfEvaluation, {
    description:
      "Record a school's SEND self-evaluation: every statement of the framework graded (with evidence for Developing and Embedded), every statutory checklist item answered, and the action plan. At most one a day per school.",
  })
  async recordSendSelfEvaluation(
    @Arg('input', () => RecordSendSelfEvaluationInput, { description: 'The self-evaluation.' }) input: RecordSendSelfEvaluationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SendSelfEvaluation> {
    const field = 'Mutation.recordSendSelfEvaluation';
    assertMayWriteSelfEvaluation(ctx.viewer, input.schoolUrn, field);
    const check = new InputCheck().pastDate(input.evaluatedDate, 'evaluatedDate');
    text(check, input.completedBy, 'completedBy');

    const seen = new Map<string, number>();
    input.statements.forEach((statement, i) => {
      seen.set(statement.code, (seen.get(statement.code) ?? 0) + 1);
      check.require(FRAMEWORK_BY_CODE.has(statement.code), `statements[${i}].code`, `"${statement.code}" is not a statement of the framework`);
      if (statement.grade === SelfEvaluationGrade.EMERGING) text(check, statement.evidence, `statements[${i}].evidence`, { optional: true });
      else if (blank(statement.evidence)) check.require(false, `statements[${i}].evidence`, `is blank: ${statement.grade} needs evidence`);
      else text(check, statement.evidence, `statements[${i}].evidence`);
    });
    for (const { code } of FRAMEWORK) {
      const times = seen.get(code) ?? 0;
      check.require(times > 0, 'statements', `has no grade for ${code}`);
      check.require(times <= 1, 'statements', `grades ${code} ${times} times, not once`);
    }

    const answered = new Map<string, number>();
    input.checklist.forEach((answer, i) => {
      answered.set(answer.item, (answered.get(answer.item) ?? 0) + 1);
      text(check, answer.note, `checklist[${i}].note`, { optional: true });
    });
    for (const item of STATUTORY_CHECK_ITEMS) {
      const times = answered.get(item) ?? 0;
      check.require(times > 0, 'checklist', `has no answer for ${item}`);
      check.require(times <= 1, 'checklist', `answers ${item} ${times} times, not once`);
    }

    check.require(input.actionPlan.length <= MAX_ACTIONS, 'actionPlan', `has ${input.actionPlan.length} lines: at most ${MAX_ACTIONS}`);
    input.actionPlan.forEach((action, i) => {
      text(check, action.target, `actionPlan[${i}].target`);
      text(check, action.actions, `actionPlan[${i}].actions`);
      text(check, action.personResponsible, `actionPlan[${i}].personResponsible`);
      text(check, action.resources, `actionPlan[${i}].resources`, { optional: true });
      text(check, action.evidenceOfImpact, `actionPlan[${i}].evidenceOfImpact`, { optional: action.dateCompleted == null });
      check.pastDate(action.dateCompleted, `actionPlan[${i}].dateCompleted`, { optional: true });
    });
    check.done();

    return inTransaction(ctx, async (manager) => {
      const school = await manager.getRepository(School).findOne({ where: { urn: input.schoolUrn } });
      if (!school) throw notFound('school', input.schoolUrn, 'input.schoolUrn');
      const [already] = await manager.query('SELECT 1 FROM send_self_evaluation WHERE school_urn = $1 AND evaluated_date = $2', [input.schoolUrn, input.evaluatedDate]);
      if (already) throw conflict(`${school.name} already recorded a self-evaluation on ${input.evaluatedDate}.`, { field: 'input.evaluatedDate' });
      const evaluation = manager.getRepository(SendSelfEvaluation).create({
        id: randomUUID(),
        schoolUrn: input.schoolUrn,
        evaluatedDate: input.evaluatedDate,
        completedBy: input.completedBy.trim(),
        recordedBy: ctx.viewer.subject,
        recordedAt: new Date(),
      });
      await manager.getRepository(SendSelfEvaluation).insert(evaluation);
      await manager.getRepository(SelfEvaluationStatement).insert(
        input.statements.map((s) => ({ evaluationId: evaluation.id, code: s.code, dimension: FRAMEWORK_BY_CODE.get(s.code)!.dimension, grade: s.grade, evidence: trimmed(s.evidence) })),
      );
      await manager.getRepository(StatutoryCheck).insert(input.checklist.map((a) => ({ evaluationId: evaluation.id, item: a.item, met: a.met, note: trimmed(a.note) })));
      if (input.actionPlan.length > 0) {
        await manager.getRepository(SendAction).insert(
          input.actionPlan.map((a, i) => ({
            id: randomUUID(),
            evaluationId: evaluation.id,
            sortOrder: i + 1,
            target: a.target.trim(),
            actions: a.actions.trim(),
            personResponsible: a.personResponsible.trim(),
            resources: trimmed(a.resources),
            evidenceOfImpact: trimmed(a.evidenceOfImpact),
            dateCompleted: a.dateCompleted ?? null,
            version: 1,
          })),
        );
      }
      return evaluation;
    });
  }

  @Mutation(() => SendAction, { description: "Mark an action of a school's SEND action plan completed, with the evidence that it made a difference." })
  async completeSendAction(
    @Arg('input', () => CompleteSendActionInput, { description: 'The action and its completion.' }) input: CompleteSendActionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SendAction> {
    const field = 'Mutation.completeSendAction';
    const check = new InputCheck().require(isUuid(input.actionId), 'actionId', 'is not a platform id').pastDate(input.dateCompleted, 'dateCompleted');
    text(check, input.evidenceOfImpact, 'evidenceOfImpact');
    check.done();
    return inTransaction(ctx, async (manager) => {
      const action = await manager.getRepository(SendAction).findOne({ where: { id: input.actionId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!action) throw notFound('SEND action', input.actionId, 'input.actionId');
      const evaluation = (await manager.getRepository(SendSelfEvaluation).findOne({ where: { id: action.evaluationId } }))!;
      assertMayWriteSelfEvaluation(ctx.viewer, evaluation.schoolUrn, field);
      if (action.version !== input.expectedVersion) {
        throw conflict('Someone else changed this action since you read it; read it again and retry.', {
          field: 'input.expectedVersion',
          expectedVersion: input.expectedVersion,
          currentVersion: action.version,
        });
      }
      new InputCheck()
        .ordered(evaluation.evaluatedDate, input.dateCompleted, 'dateCompleted', `is before the self-evaluation it came from (${evaluation.evaluatedDate})`)
        .done();
      Object.assign(action, { dateCompleted: input.dateCompleted, evidenceOfImpact: input.evidenceOfImpact.trim(), version: action.version + 1 });
      await manager.getRepository(SendAction).save(action);
      return action;
    });
  }
}
