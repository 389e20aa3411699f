/**
 * Review dates of a SEN support plan, as pure functions over 'yyyy-mm-dd' dates.
 * Reviews are usually termly, so the default is 12 weeks.
 */
import { addDays } from '../statutory-clock.js';
import { isCurrent } from '../calendar.js';

export const SUPPORT_PLAN_REVIEW_DAYS = 12 * 7;

/** The next review when none was agreed: 12 weeks after the cycle's review, or after its plan date before one. */
export function defaultNextReviewDue(cycle: { planDate: string; reviewDate: string | null }): string {
  return addDays(cycle.reviewDate ?? cycle.planDate, SUPPORT_PLAN_REVIEW_DAYS);
}

/** The cycle under way: the one planned last (cycles are held newest first). */
export function currentCycleOf<C extends { planDate: string }>(cycles: readonly C[]): C | null {
  return cycles.reduce<C | null>((latest, cycle) => (latest === null || cycle.planDate > latest.planDate ? cycle : latest), null);
}

/** True when the plan is open on `asOf` and its next review was due before then. */
export function supportReviewOverdue(nextReviewDue: string | null, closedDate: string | null, asOf: string): boolean {
  return nextReviewDue !== null && isCurrent(closedDate, asOf) && nextReviewDue < asOf;
}
