import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isValidIsoDate } from '@local-area-graph/identifiers';
import { InputCheck, forbidden, inTransaction, conflict, notFound, requireRole, type SubgraphContext, isUuid } from '@local-area-graph/subgraph-kit';
import { SupportPlan, SupportPlanCloseReason, SupportPlanCycle, SupportPlanOutcome, SupportPlanProvision } from './support-plan.js';
import { defaultNextReviewDue } from './review-dates.js';
import { RADAR_DOMAINS, RadarAssessment, RadarRating, SettingReadiness, type RadarDomain } from '../radar/radar.js';
import { isCurrent, todayInEngland } from '../calendar.js';
import {
  CloseSupportPlanInput,
  RecordRadarAssessmentInput,
  RecordSettingReadinessInput,
  RecordSupportPlanCycleInput,
  StartSupportPlanInput,
} from './support-plan.inputs.js';

/** The school's SENCO writes the plan; the local authority's SEND team may help; administrators may correct it. */
const SCHOOL_WRITERS = ['SENCO', 'CASEWORKER', 'ADMIN'] as const;
/** A school's rating of itself is the school's own: its SENCO, or an administrator. */
const READINESS_WRITERS = ['SENCO', 'ADMIN'] as const;
export const MAX_OUTCOMES = 10;

const blank = (text: string | null | undefined) => text == null || text.trim().length === 0;

/** A SENCO writes only for the schools their token names; the other roles are not tied to a school. */
function requireOwnSchool(ctx: SubgraphContext, field: string, schoolUrn: string): void {
  if (ctx.viewer.role === 'SENCO' && !ctx.viewer.schoolUrns.includes(schoolUrn)) {
    throw forbidden(field, `a SENCO may only write for their own school, and ${schoolUrn} is not yours`);
  }
}

/** Each of the five domains exactly once, and every rating 0 to 4, each problem naming its field. */
function checkFiveDomains(check: InputCheck, ratings: readonly { domain: RadarDomain }[], values: readonly { key: string; of: (i: number) => number | null | undefined; optional?: boolean }[]): InputCheck {
  const seen = new Map<RadarDomain, number>();
  for (const rating of ratings) seen.set(rating.domain, (seen.get(rating.domain) ?? 0) + 1);
  for (const domain of RADAR_DOMAINS) {
    const times = seen.get(domain) ?? 0;
    check.require(times > 0, 'ratings', `has no rating for ${domain}`);
    check.require(times <= 1, 'ratings', `rates ${domain} ${times} times, not once`);
  }
  ratings.forEach((_, i) => {
    for (const { key, of, optional } of values) {
      const value = of(i);
      if (value == null) check.require(optional === true, `ratings[${i}].${key}`, 'is required');
      else check.require(Number.isInteger(value) && value >= 0 && value <= 4, `ratings[${i}].${key}`, `${value} is not a rating from 0 to 4`);
    }
  });
  return check;
}

/** Serialises writes about one child, so that two at once cannot both find "no open plan". */
async function lockChild(manager: EntityManager, childId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('support_plan:' || $1, 0))`, [childId]);
}

/**
 * The school's writes for SEN support and the needs radar. Each is one transaction
 * with its audit row (a school's rating of itself is not personal data, so has none):
 * all of it is written, or none; every input problem is reported at once, naming its field.
 */
@Resolver()
export class SupportPlanMutations {
  @Mutation(() => SupportPlan, {
    description: "Start a child's SEN support plan at their school, with its outcomes and provision. A child has at most one open plan at a time.",
  })
  async startSupportPlan(
    @Arg('input', () => StartSupportPlanInput, { description: 'The plan.' }) input: StartSupportPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportPlan> {
    const field = 'Mutation.startSupportPlan';
    requireRole(ctx, field, SCHOOL_WRITERS);
    requireOwnSchool(ctx, field, input.schoolUrn);
    const check = new InputCheck()
      .require(isUuid(input.childId), 'childId', 'is not a platform id')
      .pastDate(input.startedDate, 'startedDate')
      .pastDate(input.parentsToldDate, 'parentsToldDate')
      .ordered(input.startedDate, input.parentsToldDate, 'parentsToldDate', 'is before the plan started')
      .require(input.outcomes.length >= 1 && input.outcomes.length <= MAX_OUTCOMES, 'outcomes', `has ${input.outcomes.length}: give 1 to ${MAX_OUTCOMES}`)
      .require(input.provision.length >= 1, 'provision', 'is empty: a plan puts at least one piece of extra help in place');
    input.outcomes.forEach((outcome, i) => check.require(!blank(outcome), `outcomes[${i}]`, 'is blank'));
    input.provision.forEach((line, i) => {
      check.require(!blank(line.what), `provision[${i}].what`, 'is blank');
      check.require(!blank(line.deliveredBy), `provision[${i}].deliveredBy`, 'is blank');
      check.require(!blank(line.howOften), `provision[${i}].howOften`, 'is blank');
    });
    check.done();
    const childId = input.childId.toLowerCase();
    return inTransaction(ctx, async (manager) => {
      await lockChild(manager, childId);
      const [open] = await manager.query(`SELECT id FROM support_plan WHERE child_id = $1 AND (closed_date IS NULL OR closed_date > $2)`, [
        childId,
        todayInEngland(),
      ]);
      if (open) throw conflict('This child already has an open SEN support plan; record a new cycle on it, or close it first.', { field: 'input.childId' });
      const plan = manager.getRepository(SupportPlan).create({
        id: randomUUID(),
        childId,
        schoolUrn: input.schoolUrn,
        startedDate: input.startedDate,
        parentsToldDate: input.parentsToldDate,
        childViews: blank(input.childViews) ? null : input.childViews!.trim(),
        parentViews: blank(input.parentViews) ? null : input.parentViews!.trim(),
        closedDate: null,
        closeReason: null,
        closeNotes: null,
        version: 1,
      });
      await manager.getRepository(SupportPlan).insert(plan);
      await manager.getRepository(SupportPlanOutcome).insert(
        input.outcomes.map((description, i) => ({ id: randomUUID(), planId: plan.id, description: description.trim(), sortOrder: i + 1 })),
      );
      await manager.getRepository(SupportPlanProvision).insert(
        input.provision.map((line, i) => ({
          id: randomUUID(),
          planId: plan.id,
          what: line.what.trim(),
          deliveredBy: line.deliveredBy.trim(),
          howOften: line.howOften.trim(),
          sortOrder: i + 1,
        })),
      );
      await ctx.audit.recordWrite(manager, childId, [field]);
      return plan;
    });
  }

  @Mutation(() => SupportPlanCycle, {
    description: "Record a cycle of assess, plan, do and review on an open SEN support plan; the next review defaults to 12 weeks on.",
  })
  async recordSupportPlanCycle(
    @Arg('input', () => RecordSupportPlanCycleInput, { description: 'The cycle.' }) input: RecordSupportPlanCycleInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportPlanCycle> {
    const field = 'Mutation.recordSupportPlanCycle';
    requireRole(ctx, field, SCHOOL_WRITERS);
    const reviewed = input.reviewDate != null;
    const check = new InputCheck()
      .require(isUuid(input.planId), 'planId', 'is not a platform id')
      .pastDate(input.assessDate, 'assessDate')
      .pastDate(input.planDate, 'planDate')
      .require(isValidIsoDate(input.doFromDate), 'doFromDate', `"${input.doFromDate}" is not a date (yyyy-mm-dd)`)
      .pastDate(input.reviewDate, 'reviewDate', { optional: true })
      .ordered(input.assessDate, input.planDate, 'planDate', 'is before the assessment')
      .ordered(input.planDate, input.doFromDate, 'doFromDate', 'is before the plan was agreed')
      .ordered(input.doFromDate, input.reviewDate, 'reviewDate', 'is before the help started')
      .require(reviewed || blank(input.reviewNotes), 'reviewNotes', 'needs a review date');
    if (input.nextReviewDue != null) {
      const after = input.reviewDate ?? input.planDate;
      check
        .require(isValidIsoDate(input.nextReviewDue), 'nextReviewDue', `"${input.nextReviewDue}" is not a date (yyyy-mm-dd)`)
        .require(!isValidIsoDate(input.nextReviewDue) || !isValidIsoDate(after) || input.nextReviewDue > after, 'nextReviewDue', `must come after ${reviewed ? 'the review' : 'the plan date'} (${after})`);
    }
    check.done();
    return inTransaction(ctx, async (manager) => {
      const plan = await manager.getRepository(SupportPlan).findOne({ where: { id: input.planId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('SEN support plan', input.planId, 'input.planId');
      requireOwnSchool(ctx, field, plan.schoolUrn);
      new InputCheck()
        .require(isCurrent(plan.closedDate, todayInEngland()), 'planId', `closed on ${plan.closedDate}`)
        .ordered(plan.startedDate, input.assessDate, 'assessDate', `is before the plan started (${plan.startedDate})`)
        .done();
      const reviewDate = input.reviewDate ?? null;
      const cycle = manager.getRepository(SupportPlanCycle).create({
        id: randomUUID(),
        planId: plan.id,
        assessDate: input.assessDate,
        planDate: input.planDate,
        doFromDate: input.doFromDate,
        reviewDate,
        reviewNotes: blank(input.reviewNotes) ? null : input.reviewNotes!.trim(),
        nextReviewDue: input.nextReviewDue ?? defaultNextReviewDue({ planDate: input.planDate, reviewDate }),
      });
      await manager.getRepository(SupportPlanCycle).insert(cycle);
      // The plan changed: whoever read it before this cycle must read it again before closing it.
      await manager.getRepository(SupportPlan).update({ id: plan.id }, { version: plan.version + 1 });
      await ctx.audit.recordWrite(manager, plan.childId, [field]);
      return cycle;
    });
  }

  @Mutation(() => RadarAssessment, { description: "Record a child's needs radar assessment: their need, and the home's readiness when the family gave it, in all five domains." })
  async recordRadarAssessment(
    @Arg('input', () => RecordRadarAssessmentInput, { description: 'The assessment.' }) input: RecordRadarAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RadarAssessment> {
    const field = 'Mutation.recordRadarAssessment';
    requireRole(ctx, field, SCHOOL_WRITERS);
    requireOwnSchool(ctx, field, input.schoolUrn);
    const check = new InputCheck()
      .require(isUuid(input.childId), 'childId', 'is not a platform id')
      .pastDate(input.assessedDate, 'assessedDate')
      .require(!blank(input.completedBy), 'completedBy', 'is blank')
      .require(
        input.yearGroup == null || (Number.isInteger(input.yearGroup) && input.yearGroup >= -1 && input.yearGroup <= 14),
        'yearGroup',
        `${input.yearGroup} is not a year group from -1 (nursery) to 14`,
      );
    checkFiveDomains(check, input.ratings, [
      { key: 'need', of: (i) => input.ratings[i]!.need },
      { key: 'homeReadiness', of: (i) => input.ratings[i]!.homeReadiness, optional: true },
    ]).done();
    const childId = input.childId.toLowerCase();
    return inTransaction(ctx, async (manager) => {
      const assessment = manager.getRepository(RadarAssessment).create({
        id: randomUUID(),
        childId,
        assessedDate: input.assessedDate,
        completedBy: input.completedBy.trim(),
        schoolUrn: input.schoolUrn,
        yearGroup: input.yearGroup ?? null,
      });
      await manager.getRepository(RadarAssessment).insert(assessment);
      await manager.getRepository(RadarRating).insert(
        input.ratings.map((rating) => ({ assessmentId: assessment.id, domain: rating.domain, need: rating.need, homeReadiness: rating.homeReadiness ?? null })),
      );
      await ctx.audit.recordWrite(manager, childId, [field]);
      return assessment;
    });
  }

  @Mutation(() => [SettingReadiness], {
    description: "Record a school's rating of its own readiness to meet needs in all five domains of the needs radar; one rating per domain a day.",
  })
  async recordSettingReadiness(
    @Arg('input', () => RecordSettingReadinessInput, { description: 'The ratings.' }) input: RecordSettingReadinessInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SettingReadiness[]> {
    const field = 'Mutation.recordSettingReadiness';
    requireRole(ctx, field, READINESS_WRITERS);
    requireOwnSchool(ctx, field, input.schoolUrn);
    checkFiveDomains(new InputCheck().pastDate(input.assessedDate, 'assessedDate'), input.ratings, [{ key: 'rating', of: (i) => input.ratings[i]!.rating }]).done();
    // Not personal data: the school's rating of itself needs no audit row.
    return inTransaction(ctx, async (manager) => {
      const rows = [...input.ratings]
        .sort((a, b) => RADAR_DOMAINS.indexOf(a.domain) - RADAR_DOMAINS.indexOf(b.domain))
        .map((rating) => ({ id: randomUUID(), schoolUrn: input.schoolUrn, domain: rating.domain, rating: rating.rating, assessedDate: input.assessedDate }));
      await manager.getRepository(SettingReadiness).insert(rows);
      return rows;
    });
  }

  @Mutation(() => SupportPlan, {
    description: 'Close an open SEN support plan, with the day it closed and why. The child may then start a new plan (at a new school, say).',
  })
  async closeSupportPlan(
    @Arg('input', () => CloseSupportPlanInput, { description: 'The closing.' }) input: CloseSupportPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupportPlan> {
    const field = 'Mutation.closeSupportPlan';
    requireRole(ctx, field, SCHOOL_WRITERS);
    new InputCheck()
      .require(isUuid(input.planId), 'planId', 'is not a platform id')
      .pastDate(input.closedDate, 'closedDate')
      .require(input.reason !== SupportPlanCloseReason.OTHER || !blank(input.notes), 'notes', 'are required when the reason is OTHER')
      .done();
    return inTransaction(ctx, async (manager) => {
      const plan = await manager.getRepository(SupportPlan).findOne({ where: { id: input.planId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('SEN support plan', input.planId, 'input.planId');
      requireOwnSchool(ctx, field, plan.schoolUrn);
      if (plan.version !== input.expectedVersion) {
        throw conflict(`Someone changed this plan since you read it (it is now at version ${plan.version}); read it again before closing it.`, {
          expectedVersion: input.expectedVersion,
          currentVersion: plan.version,
        });
      }
      // The plan may not close before anything it records took place.
      const [{ latest }] = await manager.query(
        `SELECT to_char(max(GREATEST(assess_date, plan_date, review_date)), 'YYYY-MM-DD') AS latest FROM support_plan_cycle WHERE plan_id = $1`,
        [plan.id],
      );
      new InputCheck()
        .require(plan.closedDate === null, 'planId', `is already closed (on ${plan.closedDate})`)
        .ordered(plan.startedDate, input.closedDate, 'closedDate', `is before the plan started (${plan.startedDate})`)
        .ordered(latest, input.closedDate, 'closedDate', `is before the plan's latest cycle (${latest})`)
        .done();
      await manager.getRepository(SupportPlan).update(
        { id: plan.id, version: input.expectedVersion },
        { closedDate: input.closedDate, closeReason: input.reason, closeNotes: blank(input.notes) ? null : input.notes!.trim(), version: plan.version + 1 },
      );
      await ctx.audit.recordWrite(manager, plan.childId, [field]);
      return manager.getRepository(SupportPlan).findOneByOrFail({ id: plan.id });
    });
  }
}
