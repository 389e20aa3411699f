import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { LaCodeScalar, isValidLaCode } from '@local-area-graph/identifiers';
import { InputCheck, conflict, inTransaction, notFound, requireRole, type SubgraphContext, isUuid } from '@local-area-graph/subgraph-kit';
import { AssessmentDecision, EhcNeedsAssessmentRequest, PlanDecision } from '../ehc-request/ehc-request.js';
import { EhcPlan } from '../ehc-plan/ehc-plan.js';
import { SenNeedType } from '../ehc-plan/sen-need-type.js';
import { AnnualReview } from '../annual-review/annual-review.js';
import { IssueEhcPlanInput, RecordAnnualReviewInput, RecordAssessmentDecisionInput, RecordEhcRequestInput } from './casework.inputs.js';

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
}
