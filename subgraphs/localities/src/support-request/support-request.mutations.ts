import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isValidIsoDate, todayInEngland } from '@local-area-graph/identifiers';
import { InputCheck, conflict, forbidden, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { OutsideCalendarError, dateInEngland, isWorkingDay, responseClock } from '@local-area-graph/working-days';
import { MyWorldAssessment, MyWorldTrigger } from '../my-world/my-world-assessment.js';
import { END_OF_DAY_IN_ENGLAND, findCareTeamRelationships } from '../team/care-team.relationships.js';
import { appointLead, lockChild, type LockedChild } from '../team/team.writes.js';
import { InterventionKind, MonitoringReview, PlanIntervention } from './intervention.js';
import { SupportRequest, needsMet } from './support-request.js';
import {
  AddInterventionInput,
  RecordLocalityResponseInput,
  RecordMonitoringReviewInput,
  RecordSupportOutcomeInput,
  SubmitMyWorldAssessmentInput,
} from './support-request.inputs.js';
import { statusOf } from './support-request.resolver.js';

/** A clock reading a little ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 60_000;

/** Whether the working-day calendar covers the instant's date in England (the database refuses it otherwise). */
function inCalendar(at: Date): boolean {
  try {
    isWorkingDay(dateInEngland(at));
    return true;
  } catch (error) {
    if (error instanceof OutsideCalendarError) return false;
    throw error;
  }
}

function checkInstant(check: InputCheck, at: Date | null | undefined, field: string): void {
  if (at == null) return;
  if (Number.isNaN(at.getTime())) {
    check.require(false, field, 'is not a date and time');
    return;
  }
  if (at.getTime() > Date.now() + CLOCK_SKEW_MS) check.require(false, field, 'is in the future');
  else check.require(inCalendar(at), field, 'is outside the working-day calendar (bank holidays in England are known for 2019 to 2027)');
}

function assertPurpose(ctx: SubgraphContext, field: string): void {
  if (ctx.viewer.purpose === null) throw forbidden(field, 'state why you are changing personal data in the x-purpose header');
}

/**
 * Who may work on a request's response, plan and outcome: ADMIN; a locality lead of
 * the request's locality; and, where `byLead`, the child's lead professional, who
 * coordinates the plan (whatever their role).
 */
async function assertMayWorkOnRequest(ctx: SubgraphContext, manager: EntityManager, request: SupportRequest, field: string, { byLead = false } = {}): Promise<void> {
  assertPurpose(ctx, field);
  const viewer = ctx.viewer;
  if (viewer.role === 'ADMIN') return;
  if (viewer.role === 'LOCALITY_LEAD' && viewer.localityIds.includes(request.localityId)) return;
  if (byLead && viewer.role !== 'ANALYST') {
    const related = await findCareTeamRelationships(manager, viewer.subject, [request.childId], todayInEngland());
    if (related.get(request.childId)?.lead) return;
  }
  throw forbidden(field, byLead
    ? "only an administrator, a locality lead of the request's locality or the child's lead professional may do this"
    : "only an administrator or a locality lead of the request's locality may do this");
}

/**
 * The request and its child, locked in that order's reverse: the child's register row
 * first, as every change to a child's team does, so two writers never wait on each other.
 */
async function lockRequest(manager: EntityManager, requestId: string, expectedVersion?: number): Promise<{ request: SupportRequest; child: LockedChild }> {
  const found = await manager.getRepository(SupportRequest).findOneBy({ id: requestId });
  if (!found) throw notFound('support request', requestId, 'input.requestId');
  const child = await lockChild(manager, found.childId, 'input.requestId');
  const request = (await manager.getRepository(SupportRequest).findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } }))!;
  if (expectedVersion !== undefined && request.version !== expectedVersion) {
    throw conflict(`Someone changed this request since you read it (it is now at version ${request.version}); read it again before changing it.`, {
      expectedVersion,
      currentVersion: request.version,
    });
  }
  return { request, child };
}

/** The rows an UPDATE … RETURNING gave back (the driver answers an UPDATE with [rows, count]). */
function returnedRows(result: unknown): { professional_id: string }[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { professional_id: string }[];
}

const reload = (manager: EntityManager, id: string) => manager.getRepository(SupportRequest).findOneByOrFail({ id });

/**
 * The locality's writes: a school's My World assessment and request for support, the
 * locality's response (which appoints the lead professional), the plan's interventions
 * and reviews, and its outcome. Each is one transaction with its audit row.
 */
@Resolver()
export class SupportRequestMutations {
  @Mutation(() => SupportRequest, {
    description:
      "Submit a My World assessment and send it to the locality's single point of contact as a request for support: the 2-working-day response clock starts when it arrives. For a SENCO (a pupil on their school's roll), a locality lead (a child living in their locality) or an administrator.",
  })
  async submitMyWorldAssessment(
    @Arg('input', () => SubmitMyWorldAssessmentInput, { description: 'The assessment.' }) input: SubmitMyWorldAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportRequest> {
    const field = 'Mutation.submitMyWorldAssessment';
    assertPurpose(ctx, field);
    const viewer = ctx.viewer;
    if (!['SENCO', 'LOCALITY_LEAD', 'ADMIN'].includes(viewer.role)) throw forbidden(field, 'only a SENCO, a locality lead or an administrator may do this');
    if (viewer.role === 'SENCO' && !viewer.schoolUrns.includes(input.schoolUrn)) throw forbidden(field, 'a SENCO submits assessments for their own school only');
    const sentAt = input.sentAt ?? new Date();
    const blank = (text: string | null | undefined) => !text || text.trim().length === 0;
    const check = new InputCheck()
      .require(isUuid(input.childId), 'childId', 'is not a platform id')
      .require(input.trigger !== MyWorldTrigger.OTHER || !blank(input.triggerDetail), 'triggerDetail', 'is required when the trigger is OTHER');
    for (const [name, side] of [
      ['howIGrowAndDevelop', input.howIGrowAndDevelop],
      ['whatINeedFromThePeopleWhoLookAfterMe', input.whatINeedFromThePeopleWhoLookAfterMe],
      ['myWiderWorld', input.myWiderWorld],
    ] as const) {
      check.require(!blank(side.strengths), `${name}.strengths`, 'is required: say what is going well').require(!blank(side.pressures), `${name}.pressures`, 'is required: say what is hard');
    }
    check.require(!blank(input.completedBy), 'completedBy', 'is required').pastDate(input.completedOn, 'completedOn');
    checkInstant(check, sentAt, 'sentAt');
    const sentAtValid = !Number.isNaN(sentAt.getTime());
    if (sentAtValid && isValidIsoDate(input.completedOn)) check.require(dateInEngland(sentAt) >= input.completedOn, 'sentAt', `is before the assessment was completed (${input.completedOn})`);
    let clock: ReturnType<typeof responseClock> | null = null;
    if (check.ok) {
      try {
        clock = responseClock(sentAt);
      } catch (error) {
        if (!(error instanceof OutsideCalendarError)) throw error;
        check.require(false, 'sentAt', `has a due date the working-day calendar does not cover (${error.message})`);
      }
    }
    check.done();
    return inTransaction(ctx, async (manager) => {
      const child = await lockChild(manager, input.childId.toLowerCase(), 'input.childId');
      if (viewer.role === 'SENCO' && child.schoolUrn !== input.schoolUrn) throw forbidden(field, 'the child is not on the roll of your school');
      if (viewer.role === 'LOCALITY_LEAD' && !viewer.localityIds.includes(child.localityId)) throw forbidden(field, 'the child does not live in one of your localities');
      const [open] = await manager.query('SELECT id FROM support_request WHERE child_id = $1 AND outcome IS NULL', [child.id]);
      if (open) throw conflict('This child already has an open request for locality support; add to its plan, or record its outcome first.', { field: 'input.childId', requestId: open.id });
      const [me] = await manager.query('SELECT id FROM professional WHERE subject = $1', [viewer.subject]);
      const assessment = manager.getRepository(MyWorldAssessment).create({
        id: randomUUID(),
        childId: child.id,
        schoolUrn: input.schoolUrn,
        localityId: child.localityId,
        trigger: input.trigger,
        triggerDetail: blank(input.triggerDetail) ? null : input.triggerDetail!.trim(),
        growStrengths: input.howIGrowAndDevelop.strengths.trim(),
        growPressures: input.howIGrowAndDevelop.pressures.trim(),
        careStrengths: input.whatINeedFromThePeopleWhoLookAfterMe.strengths.trim(),
        carePressures: input.whatINeedFromThePeopleWhoLookAfterMe.pressures.trim(),
        worldStrengths: input.myWiderWorld.strengths.trim(),
        worldPressures: input.myWiderWorld.pressures.trim(),
        completedBy: input.completedBy.trim(),
        completedByProfessionalId: me?.id ?? null,
        completedOn: input.completedOn,
        submittedBy: viewer.subject,
      });
      await manager.getRepository(MyWorldAssessment).insert(assessment);
      const id = randomUUID();
      await manager.getRepository(SupportRequest).insert({
        id,
        childId: child.id,
        assessmentId: assessment.id,
        localityId: child.localityId,
        receivedAt: sentAt,
        dueAt: clock!.dueAt,
        version: 1,
      });
      await ctx.audit.recordWrite(manager, child.id, [field]);
      return reload(manager, id);
    });
  }

  @Mutation(() => SupportRequest, {
    description:
      "Record the locality's response to a request for support, appointing the lead professional (the current lead, if any, hands over at the same moment). For an administrator or a locality lead of the request's locality.",
  })
  async recordLocalityResponse(
    @Arg('input', () => RecordLocalityResponseInput, { description: 'The response.' }) input: RecordLocalityResponseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportRequest> {
    const field = 'Mutation.recordLocalityResponse';
    assertPurpose(ctx, field);
    const respondedAt = input.respondedAt ?? new Date();
    const check = new InputCheck()
      .require(isUuid(input.requestId), 'requestId', 'is not a platform id')
      .require(isUuid(input.leadProfessionalId), 'leadProfessionalId', 'is not a platform id');
    checkInstant(check, respondedAt, 'respondedAt');
    check.done();
    return inTransaction(ctx, async (manager) => {
      const { request, child } = await lockRequest(manager, input.requestId, input.expectedVersion);
      await assertMayWorkOnRequest(ctx, manager, request, field);
      new InputCheck()
        .require(request.respondedAt === null, 'requestId', `was already answered at ${request.respondedAt?.toISOString()}`)
        .require(respondedAt.getTime() >= request.receivedAt.getTime(), 'respondedAt', `is before the request was received (${request.receivedAt.toISOString()})`)
        .done();
      const appointment = await appointLead(ctx, manager, child.id, input.leadProfessionalId.toLowerCase(), respondedAt, {
        professionalId: 'leadProfessionalId',
        appointedAt: 'respondedAt',
      });
      await manager.getRepository(SupportRequest).update(
        { id: request.id },
        { respondedAt, responseNotes: input.notes?.trim() || null, leadAppointmentId: appointment.id, version: request.version + 1 },
      );
      await ctx.audit.recordWrite(manager, child.id, [field]);
      return reload(manager, request.id);
    });
  }

  @Mutation(() => SupportRequest, {
    description:
      "Add an intervention from the menu to a request's coordinated plan, once the locality has responded. For an administrator, a locality lead of the request's locality or the child's lead professional.",
  })
  async addIntervention(
    @Arg('input', () => AddInterventionInput, { description: 'The intervention.' }) input: AddInterventionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportRequest> {
    const field = 'Mutation.addIntervention';
    assertPurpose(ctx, field);
    const check = new InputCheck()
      .require(isUuid(input.requestId), 'requestId', 'is not a platform id')
      .require(input.provider.trim().length > 0, 'provider', 'is required')
      .require(isValidIsoDate(input.startDate), 'startDate', `"${input.startDate}" is not a date (yyyy-mm-dd)`);
    if (input.endDate != null) check.require(isValidIsoDate(input.endDate), 'endDate', `"${input.endDate}" is not a date (yyyy-mm-dd)`);
    check.ordered(input.startDate, input.endDate, 'endDate', 'is before the intervention starts').done();
    return inTransaction(ctx, async (manager) => {
      const { request } = await lockRequest(manager, input.requestId);
      await assertMayWorkOnRequest(ctx, manager, request, field, { byLead: true });
      const kind = await manager.getRepository(InterventionKind).findOneBy({ code: input.kindCode });
      new InputCheck()
        .require(kind !== null, 'kindCode', `"${input.kindCode}" is not on the menu of interventions`)
        .require(request.respondedAt !== null, 'requestId', 'has no response yet: the plan starts when the locality responds')
        .require(request.outcome === null, 'requestId', `is closed (${request.outcome})`)
        .ordered(request.receivedDay, input.startDate, 'startDate', `is before the request was received (${request.receivedDay})`)
        .done();
      await manager.getRepository(PlanIntervention).insert({
        id: randomUUID(),
        requestId: request.id,
        kindCode: input.kindCode,
        provider: input.provider.trim(),
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        notes: input.notes?.trim() || null,
        addedBy: ctx.viewer.subject,
      });
      await manager.getRepository(SupportRequest).update({ id: request.id }, { version: request.version + 1 });
      await ctx.audit.recordWrite(manager, request.childId, [field]);
      return reload(manager, request.id);
    });
  }

  @Mutation(() => SupportRequest, {
    description: "Record a monitoring review of a request's coordinated plan. For an administrator, a locality lead of the request's locality or the child's lead professional.",
  })
  async recordMonitoringReview(
    @Arg('input', () => RecordMonitoringReviewInput, { description: 'The review.' }) input: RecordMonitoringReviewInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportRequest> {
    const field = 'Mutation.recordMonitoringReview';
    assertPurpose(ctx, field);
    new InputCheck().require(isUuid(input.requestId), 'requestId', 'is not a platform id').pastDate(input.reviewDate, 'reviewDate').done();
    return inTransaction(ctx, async (manager) => {
      const { request } = await lockRequest(manager, input.requestId);
      await assertMayWorkOnRequest(ctx, manager, request, field, { byLead: true });
      new InputCheck()
        .require(statusOf(request) === 'PLAN_OPEN', 'requestId', request.outcome ? `is closed (${request.outcome})` : 'has no response yet: there is no plan to review')
        .ordered(request.respondedDay, input.reviewDate, 'reviewDate', `is before the locality responded (${request.respondedDay})`)
        .done();
      await manager.getRepository(MonitoringReview).insert({
        id: randomUUID(),
        requestId: request.id,
        reviewDate: input.reviewDate,
        progress: input.progress,
        notes: input.notes?.trim() || null,
        reviewedBy: ctx.viewer.subject,
      });
      await manager.getRepository(SupportRequest).update({ id: request.id }, { version: request.version + 1 });
      await ctx.audit.recordWrite(manager, request.childId, [field]);
      return reload(manager, request.id);
    });
  }

  @Mutation(() => SupportRequest, {
    description:
      "Record how a request's coordinated support ended. Open-ended interventions end that day. When needs are met, the lead professional's spell and team place end too (SUPPORT_ENDED); after a joint decision they stay, to carry the child into what comes next. For an administrator, a locality lead of the request's locality or the child's lead professional.",
  })
  async recordSupportOutcome(
    @Arg('input', () => RecordSupportOutcomeInput, { description: 'The outcome.' }) input: RecordSupportOutcomeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportRequest> {
    const field = 'Mutation.recordSupportOutcome';
    assertPurpose(ctx, field);
    const check = new InputCheck().require(isUuid(input.requestId), 'requestId', 'is not a platform id').pastDate(input.outcomeDate, 'outcomeDate');
    if (check.ok) check.require(inCalendar(new Date(`${input.outcomeDate}T12:00:00Z`)), 'outcomeDate', 'is outside the working-day calendar');
    check.done();
    return inTransaction(ctx, async (manager) => {
      const { request } = await lockRequest(manager, input.requestId, input.expectedVersion);
      await assertMayWorkOnRequest(ctx, manager, request, field, { byLead: true });
      new InputCheck()
        .require(statusOf(request) === 'PLAN_OPEN', 'requestId', request.outcome ? `already has an outcome (${request.outcome})` : 'has no response yet: record the response first')
        .ordered(request.respondedDay, input.outcomeDate, 'outcomeDate', `is before the locality responded (${request.respondedDay})`)
        .done();
      await manager.getRepository(SupportRequest).update(
        { id: request.id },
        { outcome: input.outcome, outcomeDate: input.outcomeDate, outcomeNotes: input.notes?.trim() || null, version: request.version + 1 },
      );
      await manager.query('UPDATE plan_intervention SET end_date = $2 WHERE request_id = $1 AND end_date IS NULL AND start_date <= $2', [request.id, input.outcomeDate]);
      if (needsMet(input.outcome) && request.leadAppointmentId) {
        const ended = returnedRows(await manager.query(
          `UPDATE lead_professional_appointment SET ended_at = GREATEST(LEAST(now(), ${END_OF_DAY_IN_ENGLAND('$2')}), appointed_at), end_reason = 'SUPPORT_ENDED'
            WHERE id = $1 AND ended_at IS NULL RETURNING professional_id`,
          [request.leadAppointmentId, input.outcomeDate],
        ));
        if (ended[0]) {
          await manager.query(
            `UPDATE team_membership SET end_date = GREATEST($3::date, start_date) WHERE child_id = $1 AND professional_id = $2 AND end_date IS NULL AND team_role = 'Lead professional'`,
            [request.childId, ended[0].professional_id, input.outcomeDate],
          );
        }
      }
      await ctx.audit.recordWrite(manager, request.childId, [field]);
      return reload(manager, request.id);
    });
  }
}
