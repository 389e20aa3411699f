import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { LaCodeScalar, isValidLaCode } from '@local-area-graph/identifiers';
import { InputCheck, conflict, inTransaction, notFound, requireRole, type SubgraphContext, isUuid } from '@local-area-graph/subgraph-kit';
import { AssessmentDecision, EhcNeedsAssessmentRequest, PlanDecision } from '../ehc-request/ehc-request.js';
import { EhcPlan } from '../ehc-plan/ehc-plan.js';
import { SenNeedType } from '../ehc-plan/sen-need-type.js';
import { AnnualReview } from '../annual-review/annual-review.js';
import { CorrectEhcRequestInput, IssueEhcPlanInput, RecordAnnualReviewInput, RecordAssessmentDecisionInput, RecordEhcRequestInput } from './casework.inputs.js';

/** The local authority's SEND team keeps the statutory record; administrators may correct it. */
const CASEWORK = ['CASEWORKER', 'ADMIN'] as const;

/** A request, locked for the rest of the transaction, at the version the caller read. */
async function lockRequest(manager: EntityManager, requestId: string, expectedVersion: number) {
  const request = await manager.getRepository(EhcNeedsAssessmentRequest).findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
  if (!request) throw notFound('EHC needs assessment request', requestId, 'input.requestId');
  if (request.version !== expectedVersion) {
    throw conflict(`Someone changed this request since you read it (it is now at version ${request.version}); read it again before changing it.`, {
      expectedVersion,
      currentVersion: request.version,
    });
  }
  return request;
}

/** What correctEhcRequest may change, in the order its problems are reported. */
const CORRECTABLE = [
  'receivedDate',
  'decisionDate',
  'healthAdviceRequestedDate',
  'healthAdviceReceivedDate',
  'socialCareAdviceRequestedDate',
  'socialCareAdviceReceivedDate',
  'noticeDate',
  'finalPlanDate',
  'withdrawnDate',
  'exception',
  'caseworkerId',
] as const;
type Correctable = (typeof CORRECTABLE)[number];
/** A step taken cannot be un-taken by a correction; only advice, the exception and the caseworker may be cleared. */
const CLEARABLE: ReadonlySet<Correctable> = new Set([
  'healthAdviceRequestedDate',
  'healthAdviceReceivedDate',
  'socialCareAdviceRequestedDate',
  'socialCareAdviceReceivedDate',
  'exception',
  'caseworkerId',
]);

/** Each dated step, as a problem names it. */
type DatedStep = Exclude<Correctable, 'exception' | 'caseworkerId'>;
const STEP: Record<DatedStep, string> = {
  receivedDate: 'the request was received',
  decisionDate: 'the decision',
  healthAdviceRequestedDate: 'the health advice was asked for',
  healthAdviceReceivedDate: 'the health advice arrived',
  socialCareAdviceRequestedDate: 'the social care advice was asked for',
  socialCareAdviceReceivedDate: 'the social care advice arrived',
  noticeDate: 'the draft plan or notice',
  finalPlanDate: 'the final plan',
  withdrawnDate: 'the withdrawal',
};

/** The day of a plan's first annual review, if it has had one: its start may not move past it. */
async function planDates(manager: EntityManager, planId: string): Promise<string[]> {
  const [row] = await manager.query(`SELECT to_char(min(meeting_date), 'YYYY-MM-DD') AS first FROM annual_review WHERE plan_id = $1`, [planId]);
  return row?.first ? [row.first] : [];
}

/**
 * The request as corrected must read as the statutory pathway does: each date given
 * only for a step already recorded, and every date in order. A problem names the field
 * given, or the recorded one it clashes with when that was not given.
 */
function checkCorrection(
  before: EhcNeedsAssessmentRequest,
  after: EhcNeedsAssessmentRequest,
  given: readonly Correctable[],
  plan: EhcPlan | null,
  firstReview: readonly string[],
): InputCheck {
  const check = new InputCheck();
  const has = (key: Correctable) => given.includes(key) && after[key] !== null;
  const assessed = before.decision === AssessmentDecision.ASSESS;
  if (has('decisionDate')) check.require(before.decisionDate !== null, 'decisionDate', 'has no decision to correct: record it with recordAssessmentDecision');
  if (has('withdrawnDate')) check.require(before.withdrawnDate !== null, 'withdrawnDate', 'has no withdrawal to correct: record it with recordAssessmentDecision');
  if (has('noticeDate')) check.require(before.noticeDate !== null, 'noticeDate', 'has no draft plan or notice to correct');
  if (has('finalPlanDate')) check.require(before.finalPlanDate !== null, 'finalPlanDate', 'has no final plan to correct: issue it with issueEhcPlan');
  for (const key of ['healthAdviceRequestedDate', 'healthAdviceReceivedDate', 'socialCareAdviceRequestedDate', 'socialCareAdviceReceivedDate'] as const) {
    if (has(key)) check.require(assessed, key, 'advice is asked for only once the local authority has agreed to assess');
  }
  const awaited = (asked: Correctable, received: Correctable) => {
    if (!given.includes(asked) && !given.includes(received)) return;
    if (after[received] !== null && after[asked] === null) {
      check.require(false, given.includes(asked) ? asked : received, 'advice cannot arrive without having been asked for');
    }
  };
  awaited('healthAdviceRequestedDate', 'healthAdviceReceivedDate');
  awaited('socialCareAdviceRequestedDate', 'socialCareAdviceReceivedDate');
  const inOrder = (earlier: DatedStep, later: DatedStep) => {
    const [a, b] = [after[earlier], after[later]];
    if (!a || !b || a <= b || !(given.includes(earlier) || given.includes(later))) return;
    if (given.includes(later)) check.require(false, later, `is before ${STEP[earlier]} (${a})`);
    else check.require(false, earlier, `is after ${STEP[later]} (${b})`);
  };
  inOrder('receivedDate', 'decisionDate');
  inOrder('receivedDate', 'withdrawnDate');
  inOrder('decisionDate', 'healthAdviceRequestedDate');
  inOrder('healthAdviceRequestedDate', 'healthAdviceReceivedDate');
  inOrder('decisionDate', 'socialCareAdviceRequestedDate');
  inOrder('socialCareAdviceRequestedDate', 'socialCareAdviceReceivedDate');
  inOrder('decisionDate', 'noticeDate');
  inOrder('noticeDate', 'finalPlanDate');
  if (plan !== null && has('finalPlanDate')) {
    const final = after.finalPlanDate!;
    if (plan.startDate === before.finalPlanDate) {
      // The plan moves with it, so it must still start before its reviews and its end.
      for (const limit of [...firstReview, ...(plan.ceaseDate ? [plan.ceaseDate] : [])]) {
        check.require(final <= limit, 'finalPlanDate', `would start the plan after its annual review or its end (${limit})`);
      }
    } else {
      check.require(final <= plan.startDate, 'finalPlanDate', `is after the plan started (${plan.startDate})`);
    }
  }
  return check;
}

/**
 * The SEND team's writes along the statutory pathway. Each is one transaction with its
 * audit row: all of it is written, or none; every input problem is reported at once,
 * naming its field.
 */
@Resolver()
export class CaseworkMutations {
  @Mutation(() => EhcNeedsAssessmentRequest, { description: 'Log a new request for an EHC needs assessment: the 20-week clock starts on the day it was received.' })
  async recordEhcRequest(
    @Arg('input', () => RecordEhcRequestInput, { description: 'The request.' }) input: RecordEhcRequestInput,
    @Arg('localAreaCode', () => LaCodeScalar, { description: "The local authority's ONS code." }) localAreaCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EhcNeedsAssessmentRequest> {
    requireRole(ctx, 'Mutation.recordEhcRequest', CASEWORK);
    new InputCheck()
      .require(isUuid(input.childId), 'childId', 'is not a platform id')
      .pastDate(input.receivedDate, 'receivedDate')
      .require(input.localityId.trim().length > 0, 'localityId', 'is required')
      .require(isValidLaCode(localAreaCode), 'localAreaCode', 'is not an ONS local authority code')
      .require(input.caseworkerId == null || isUuid(input.caseworkerId), 'caseworkerId', 'is not a platform id')
      .done();
    return inTransaction(ctx, async (manager) => {
      // One open request per child: a second would double-count in every figure.
      const [open] = await manager.query(
        `SELECT id FROM ehc_request WHERE child_id = $1 AND (decision = 'A' OR (decision = 'Y' AND plan_decision IS NULL)) FOR UPDATE`,
        [input.childId],
      );
      if (open) throw conflict('This child already has an open request; record its decision before logging another.', { field: 'input.childId' });
      const request = manager.getRepository(EhcNeedsAssessmentRequest).create({
        id: randomUUID(),
        childId: input.childId.toLowerCase(),
        localityId: input.localityId,
        localAreaCode,
        receivedDate: input.receivedDate,
        requestedBy: input.requestedBy,
        decision: AssessmentDecision.PENDING,
        caseworkerId: input.caseworkerId?.toLowerCase() ?? null,
        version: 1,
      });
      await manager.getRepository(EhcNeedsAssessmentRequest).insert(request);
      await ctx.audit.recordWrite(manager, request.childId, ['Mutation.recordEhcRequest']);
      return manager.getRepository(EhcNeedsAssessmentRequest).findOneByOrFail({ id: request.id });
    });
  }

  @Mutation(() => EhcNeedsAssessmentRequest, { description: 'Record the decision whether to assess (due by week 6), or that the request was withdrawn.' })
  async recordAssessmentDecision(
    @Arg('input', () => RecordAssessmentDecisionInput, { description: 'The decision.' }) input: RecordAssessmentDecisionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EhcNeedsAssessmentRequest> {
    requireRole(ctx, 'Mutation.recordAssessmentDecision', CASEWORK);
    new InputCheck()
      .require(isUuid(input.requestId), 'requestId', 'is not a platform id')
      .require(input.decision !== AssessmentDecision.PENDING, 'decision', 'PENDING is not a decision')
      .pastDate(input.date, 'date')
      .done();
    return inTransaction(ctx, async (manager) => {
      const request = await lockRequest(manager, input.requestId, input.expectedVersion);
      const check = new InputCheck()
        .require(request.decision === AssessmentDecision.PENDING, 'requestId', 'already has a decision')
        .ordered(request.receivedDate, input.date, 'date', `is before the request was received (${request.receivedDate})`);
      check.done();
      const withdrawn = input.decision === AssessmentDecision.WITHDRAWN;
      await manager.getRepository(EhcNeedsAssessmentRequest).update(
        { id: request.id, version: input.expectedVersion },
        { decision: input.decision, decisionDate: withdrawn ? null : input.date, withdrawnDate: withdrawn ? input.date : null, version: request.version + 1 },
      );
      await ctx.audit.recordWrite(manager, request.childId, ['Mutation.recordAssessmentDecision']);
      return manager.getRepository(EhcNeedsAssessmentRequest).findOneByOrFail({ id: request.id });
    });
  }

  @Mutation(() => EhcPlan, { description: 'Issue the final EHC plan after an assessment (due by week 20), recording the draft that went to the family.' })
  async issueEhcPlan(
    @Arg('input', () => IssueEhcPlanInput, { description: 'The plan.' }) input: IssueEhcPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EhcPlan> {
    requireRole(ctx, 'Mutation.issueEhcPlan', CASEWORK);
    new InputCheck()
      .require(isUuid(input.requestId), 'requestId', 'is not a platform id')
      .pastDate(input.draftPlanDate, 'draftPlanDate')
      .pastDate(input.finalPlanDate, 'finalPlanDate')
      .ordered(input.draftPlanDate, input.finalPlanDate, 'finalPlanDate', 'is before the draft plan')
      .require(!input.secondaryNeed || input.secondaryNeed !== input.primaryNeed, 'secondaryNeed', 'must differ from the primary need')
      .require(input.primaryNeed !== SenNeedType.NSA, 'primaryNeed', 'NSA is for SEN support only, never an EHC plan')
      .require(input.secondaryNeed !== SenNeedType.NSA, 'secondaryNeed', 'NSA is for SEN support only, never an EHC plan')
      .done();
    return inTransaction(ctx, async (manager) => {
      const request = await lockRequest(manager, input.requestId, input.expectedVersion);
      new InputCheck()
        .require(request.decision === AssessmentDecision.ASSESS, 'requestId', 'was not agreed for assessment')
        .require(request.planDecision === null, 'requestId', 'already has an outcome')
        .ordered(request.decisionDate, input.draftPlanDate, 'draftPlanDate', `is before the decision to assess (${request.decisionDate})`)
        .done();
      await manager.getRepository(EhcNeedsAssessmentRequest).update(
        { id: request.id, version: input.expectedVersion },
        { planDecision: PlanDecision.ISSUE, noticeDate: input.draftPlanDate, finalPlanDate: input.finalPlanDate, version: request.version + 1 },
      );
      const plan = manager.getRepository(EhcPlan).create({
        id: randomUUID(),
        childId: request.childId,
        requestId: request.id,
        startDate: input.finalPlanDate,
        primaryNeed: input.primaryNeed,
        secondaryNeed: input.secondaryNeed ?? null,
        placementUrn: input.placementUrn ?? null,
        ceaseDate: null,
        ceaseReason: null,
      });
      await manager.getRepository(EhcPlan).insert(plan);
      await ctx.audit.recordWrite(manager, request.childId, ['Mutation.issueEhcPlan']);
      return plan;
    });
  }

  @Mutation(() => AnnualReview, { description: "Record an EHC plan's annual review meeting and its outcome." })
  async recordAnnualReview(
    @Arg('input', () => RecordAnnualReviewInput, { description: 'The review.' }) input: RecordAnnualReviewInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AnnualReview> {
    requireRole(ctx, 'Mutation.recordAnnualReview', CASEWORK);
    new InputCheck().require(isUuid(input.planId), 'planId', 'is not a platform id').pastDate(input.meetingDate, 'meetingDate').done();
    return inTransaction(ctx, async (manager) => {
      const plan = await manager.getRepository(EhcPlan).findOne({ where: { id: input.planId }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('EHC plan', input.planId, 'input.planId');
      new InputCheck()
        .require(plan.ceaseDate === null, 'planId', 'has ceased')
        .ordered(plan.startDate, input.meetingDate, 'meetingDate', `is before the plan started (${plan.startDate})`)
        .done();
      const review = manager.getRepository(AnnualReview).create({ id: randomUUID(), planId: plan.id, meetingDate: input.meetingDate, outcome: input.outcome });
      await manager.getRepository(AnnualReview).insert(review);
      await ctx.audit.recordWrite(manager, plan.childId, ['Mutation.recordAnnualReview']);
      return review;
    });
  }

  @Mutation(() => EhcNeedsAssessmentRequest, {
    description:
      'Correct a request already recorded: the dates along its statutory clock (receipt, decision, advice asked for and received, draft or notice, final plan, withdrawal), its statutory exception or its caseworker. Checked as when first recorded; audited with the fields changed.',
  })
  async correctEhcRequest(
    @Arg('input', () => CorrectEhcRequestInput, { description: 'The correction.' }) input: CorrectEhcRequestInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EhcNeedsAssessmentRequest> {
    const field = 'Mutation.correctEhcRequest';
    requireRole(ctx, field, CASEWORK);
    const given = CORRECTABLE.filter((key) => input[key] !== undefined);
    const check = new InputCheck()
      .require(isUuid(input.requestId), 'requestId', 'is not a platform id')
      .require(given.length > 0, 'requestId', 'has nothing to correct: give at least one field to change');
    for (const key of given) {
      const value = input[key];
      if (value === null) check.require(CLEARABLE.has(key), key, 'cannot be cleared');
      else if (key === 'caseworkerId') check.require(isUuid(String(value)), key, 'is not a platform id');
      else if (key !== 'exception') check.pastDate(value, key);
    }
    check.done();
    return inTransaction(ctx, async (manager) => {
      const request = await lockRequest(manager, input.requestId, input.expectedVersion);
      const change: Partial<Record<Correctable, string | null>> = Object.fromEntries(given.map((key) => [key, input[key] === null ? null : String(input[key])]));
      const next = { ...request, ...change } as EhcNeedsAssessmentRequest;
      const plan = await manager.getRepository(EhcPlan).findOne({ where: { requestId: request.id }, lock: { mode: 'pessimistic_write' } });
      checkCorrection(request, next, given, plan, plan === null ? [] : await planDates(manager, plan.id)).done();
      await manager.getRepository(EhcNeedsAssessmentRequest).update(
        { id: request.id, version: input.expectedVersion },
        { ...(change as Partial<EhcNeedsAssessmentRequest>), caseworkerId: next.caseworkerId?.toLowerCase() ?? null, version: request.version + 1 },
      );
      // A plan starts the day its final plan is issued: it moves with a corrected date.
      if (plan !== null && change.finalPlanDate && plan.startDate === request.finalPlanDate) {
        await manager.getRepository(EhcPlan).update({ id: plan.id }, { startDate: change.finalPlanDate });
      }
      await ctx.audit.recordWrite(manager, request.childId, [field, ...given.map((key) => `EhcNeedsAssessmentRequest.${key}`)]);
      return manager.getRepository(EhcNeedsAssessmentRequest).findOneByOrFail({ id: request.id });
    });
  }
}
