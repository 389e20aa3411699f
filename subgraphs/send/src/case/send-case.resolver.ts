import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { ChildSend } from '../child/child.js';
import { plansOf, requestsOf } from '../child/child.resolver.js';
import { reviewsOf } from '../ehc-plan/ehc-plan.resolver.js';
import { cyclesOf, supportPlansOf } from '../support-plan/support-plan.resolver.js';
import { todayInEngland } from '../calendar.js';
import { currentPlanOn, openSupportPlanOn, summariseCase } from './case-rules.js';
import { SendCase } from './send-case.js';

// Personal data: the kit guards and audits every ChildSend field, so it is nullable.
@Resolver(() => ChildSend)
export class ChildSendCaseResolver {
  /*
   * Every list comes from the same per-request loaders as the other ChildSend fields:
   * the child's requests, plans and support plans in one statement each for every child
   * of the request, then the current plans' reviews and the open support plans' cycles
   * in one more each.
   */
  @FieldResolver(() => SendCase, {
    name: 'case',
    nullable: true,
    description:
      "The child's SEND case at a glance: their stage in the SEND journey and since when, the current EHC plan, the open request with its week and RAG, the open SEN support plan, the next key date and the caseworker.",
  })
  async sendCase(
    @Root() send: ChildSend,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description: 'The day to read the case on, e.g. "2026-11-20"; today when left out. Anything recorded as happening after it does not count yet.',
    })
    asOf: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SendCase> {
    const day = asOf ?? todayInEngland();
    const [requests, plans, supportPlans] = await Promise.all([
      requestsOf(ctx).load(send.childId),
      plansOf(ctx).load(send.childId),
      supportPlansOf(ctx).load(send.childId),
    ]);
    const plan = currentPlanOn(plans, day);
    const supportPlan = openSupportPlanOn(supportPlans, day);
    const [reviews, cycles] = await Promise.all([
      plan === null ? [] : reviewsOf(ctx).load(plan.id),
      supportPlan === null ? [] : cyclesOf(ctx).load(supportPlan.id),
    ]);
    const { caseworkerId, ...summary } = summariseCase(
      { requests, plans, supportPlans, currentPlanReviewDates: reviews.map((review) => review.meetingDate), currentSupportPlanCycles: cycles },
      day,
    );
    return { ...summary, caseworker: caseworkerId === null ? null : { id: caseworkerId } };
  }
}
