import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { SupportPlan, SupportPlanCycle, SupportPlanOutcome, SupportPlanProvision } from './support-plan.js';
import { currentCycleOf, supportReviewOverdue } from './review-dates.js';
import { ChildSend } from '../child/child.js';
import { School } from '../school/school.js';
import { isCurrent, todayInEngland } from '../calendar.js';

/* Each list is loaded for every plan (or child) of the request in one statement. */
export const supportPlansOf = (ctx: SubgraphContext) => ctx.loaders.many(SupportPlan, 'childId', { startedDate: 'DESC', id: 'ASC' });
const outcomesOf = (ctx: SubgraphContext) => ctx.loaders.many(SupportPlanOutcome, 'planId', { sortOrder: 'ASC', id: 'ASC' });
const provisionOf = (ctx: SubgraphContext) => ctx.loaders.many(SupportPlanProvision, 'planId', { sortOrder: 'ASC', id: 'ASC' });
export const cyclesOf = (ctx: SubgraphContext) => ctx.loaders.many(SupportPlanCycle, 'planId', { planDate: 'DESC', id: 'ASC' });

async function nextDue(plan: SupportPlan, ctx: SubgraphContext): Promise<string | null> {
  return currentCycleOf(await cyclesOf(ctx).load(plan.id))?.nextReviewDue ?? null;
}

/** The open plan (the most recently started, should there be two). */
export async function currentSupportPlanOf(childId: string, ctx: SubgraphContext): Promise<SupportPlan | null> {
  const today = todayInEngland();
  return (await supportPlansOf(ctx).load(childId)).find((plan) => isCurrent(plan.closedDate, today)) ?? null;
}

@Resolver(() => SupportPlan)
export class SupportPlanResolver {
  @FieldResolver(() => School, { description: 'The school that wrote the plan and delivers it.' })
  school(@Root() plan: SupportPlan): School {
    return { urn: plan.schoolUrn };
  }

  @FieldResolver(() => Boolean, { description: 'True while the plan is open: no closing date, or one still to come.' })
  isOpen(@Root() plan: SupportPlan): boolean {
    return isCurrent(plan.closedDate, todayInEngland());
  }

  @FieldResolver(() => [SupportPlanOutcome], { description: 'The outcomes the plan works towards, in the order the plan gives them.' })
  outcomes(@Root() plan: SupportPlan, @Ctx() ctx: SubgraphContext): Promise<SupportPlanOutcome[]> {
    return outcomesOf(ctx).load(plan.id);
  }

  @FieldResolver(() => [SupportPlanProvision], { description: 'The extra help the plan puts in place, in the order the plan gives it.' })
  provision(@Root() plan: SupportPlan, @Ctx() ctx: SubgraphContext): Promise<SupportPlanProvision[]> {
    return provisionOf(ctx).load(plan.id);
  }

  @FieldResolver(() => [SupportPlanCycle], { description: 'Every assess, plan, do and review cycle, newest first.' })
  cycles(@Root() plan: SupportPlan, @Ctx() ctx: SubgraphContext): Promise<SupportPlanCycle[]> {
    return cyclesOf(ctx).load(plan.id);
  }

  @FieldResolver(() => SupportPlanCycle, { nullable: true, description: 'The cycle under way: the one planned most recently; empty before the first.' })
  async currentCycle(@Root() plan: SupportPlan, @Ctx() ctx: SubgraphContext): Promise<SupportPlanCycle | null> {
    return currentCycleOf(await cyclesOf(ctx).load(plan.id));
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: 'When the next review is due, from the cycle under way (usually 12 weeks on, each term); empty before the first cycle.',
  })
  nextReviewDue(@Root() plan: SupportPlan, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return nextDue(plan, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'True when the plan is open on the day asked about and its next review was due before that day.' })
  async reviewOverdue(
    @Root() plan: SupportPlan,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to judge on, e.g. "2026-11-20"; today when left out.' }) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return supportReviewOverdue(await nextDue(plan, ctx), plan.closedDate, asOf ?? todayInEngland());
  }
}

// Personal data: the kit guards and audits every ChildSend field, so each is nullable.
@Resolver(() => ChildSend)
export class ChildSupportPlanResolver {
  @FieldResolver(() => [SupportPlan], { nullable: true, description: 'Every SEN support plan the child has had, most recently started first.' })
  supportPlans(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<SupportPlan[]> {
    return supportPlansOf(ctx).load(send.childId);
  }

  @FieldResolver(() => SupportPlan, { nullable: true, description: 'The SEN support plan open now; empty when the child has none.' })
  currentSupportPlan(@Root() send: ChildSend, @Ctx() ctx: SubgraphContext): Promise<SupportPlan | null> {
    return currentSupportPlanOf(send.childId, ctx);
  }
}
