import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { EhcPlan } from './ehc-plan.js';
import { EhcNeedsAssessmentRequest } from '../ehc-request/ehc-request.js';
import { AnnualReview } from '../annual-review/annual-review.js';
import { School } from '../school/school.js';
import { isCurrent, todayInEngland } from '../calendar.js';
import { nextReviewDue, reviewOverdue } from '../statutory-clock.js';

/** Every plan's reviews, newest first, in one statement per request. */
export const reviewsOf = (ctx: SubgraphContext) => ctx.loaders.many(AnnualReview, 'planId', { meetingDate: 'DESC', id: 'ASC' });

async function nextDue(plan: EhcPlan, ctx: SubgraphContext): Promise<string> {
  const [last] = await reviewsOf(ctx).load(plan.id);
  return nextReviewDue(plan.startDate, last?.meetingDate ?? null);
}

@Resolver(() => EhcPlan)
export class EhcPlanResolver {
  @FieldResolver(() => School, { nullable: true, description: 'The school or setting the plan names (section I); empty while none is named.' })
  placement(@Root() plan: EhcPlan): School | null {
    return plan.placementUrn === null ? null : { urn: plan.placementUrn };
  }

  @FieldResolver(() => EhcNeedsAssessmentRequest, {
    nullable: true,
    description: 'The request for an EHC needs assessment that led to this plan; empty for a plan transferred in from another local authority.',
  })
  request(@Root() plan: EhcPlan, @Ctx() ctx: SubgraphContext): Promise<EhcNeedsAssessmentRequest | null> | null {
    return plan.requestId === null ? null : ctx.loaders.one(EhcNeedsAssessmentRequest, 'id').load(plan.requestId);
  }

  @FieldResolver(() => Boolean, { description: 'True while the plan is maintained: no cease date, or one still to come.' })
  isCurrent(@Root() plan: EhcPlan): boolean {
    return isCurrent(plan.ceaseDate, todayInEngland());
  }

  @FieldResolver(() => [AnnualReview], { description: 'Every annual review of the plan, newest first.' })
  reviews(@Root() plan: EhcPlan, @Ctx() ctx: SubgraphContext): Promise<AnnualReview[]> {
    return reviewsOf(ctx).load(plan.id);
  }

  @FieldResolver(() => AnnualReview, { nullable: true, description: 'The most recent annual review; empty before the first.' })
  async lastReview(@Root() plan: EhcPlan, @Ctx() ctx: SubgraphContext): Promise<AnnualReview | null> {
    return (await reviewsOf(ctx).load(plan.id))[0] ?? null;
  }

  @FieldResolver(() => LocalDateScalar, { description: 'When the next annual review is due: 12 months after the last review meeting, or after the plan started if it has had none.' })
  nextReviewDue(@Root() plan: EhcPlan, @Ctx() ctx: SubgraphContext): Promise<string> {
    return nextDue(plan, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'True when the plan is still maintained on the day asked about and its annual review is past due.' })
  async reviewOverdue(
    @Root() plan: EhcPlan,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The day to judge on, e.g. "2026-11-20"; today when left out.' }) asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    return reviewOverdue(await nextDue(plan, ctx), plan.ceaseDate, asOf ?? todayInEngland());
  }
}
