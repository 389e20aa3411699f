import type { DataSource } from 'typeorm';
import { bulkInsert } from '@local-area-graph/database';
import type { DemoArea } from '@local-area-graph/demo-data';
import { EhcNeedsAssessmentRequest, type AssessmentDecision, type PlanDecision, type RequestedBy, type TimelinessException } from './ehc-request/ehc-request.js';
import { EhcPlan, type CeaseReason } from './ehc-plan/ehc-plan.js';
import type { SenNeedType } from './ehc-plan/sen-need-type.js';
import { AnnualReview, type AnnualReviewOutcome } from './annual-review/annual-review.js';
import { SupportPlan, SupportPlanCycle, type SupportPlanCloseReason, SupportPlanOutcome, SupportPlanProvision } from './support-plan/support-plan.js';
import { defaultNextReviewDue } from './support-plan/review-dates.js';
import { RadarAssessment, RadarRating, SettingReadiness, type RadarDomain } from './radar/radar.js';

/**
 * Loads the demo area's SEND casework: requests, plans and annual reviews, SEN
 * support plans, needs radar assessments and schools' readiness ratings. One
 * transaction: all of it or none.
 */
export async function seedSend(db: DataSource, demo: DemoArea): Promise<void> {
  await db.transaction(async (manager) => {
    await bulkInsert(
      manager,
      EhcNeedsAssessmentRequest,
      demo.ehcRequests.map((row) => ({
        ...row,
        requestedBy: row.requestedBy as RequestedBy,
        decision: row.decision as AssessmentDecision,
        planDecision: row.planDecision as PlanDecision | null,
        exception: row.exception as TimelinessException | null,
        caseworkerId: row.caseworkerId ?? null,
      })),
    );
    await bulkInsert(
      manager,
      EhcPlan,
      demo.ehcPlans.map((row) => ({
        ...row,
        primaryNeed: row.primaryNeed as SenNeedType,
        secondaryNeed: row.secondaryNeed as SenNeedType | null,
        ceaseReason: row.ceaseReason as CeaseReason | null,
      })),
    );
    await bulkInsert(
      manager,
      AnnualReview,
      demo.annualReviews.map((row) => ({ ...row, outcome: row.outcome as AnnualReviewOutcome })),
    );
    // SEN support plans and the needs radar; arrays an older hand-made area lacks count as empty.
    await bulkInsert(
      manager,
      SupportPlan,
      (demo.supportPlans ?? []).map((row) => ({
        ...row,
        closeReason: (row.closeReason ?? null) as SupportPlanCloseReason | null,
        closeNotes: row.closeNotes ?? null,
        version: 1,
      })),
    );
    await bulkInsert(manager, SupportPlanOutcome, demo.supportPlanOutcomes ?? []);
    await bulkInsert(manager, SupportPlanProvision, demo.supportPlanProvision ?? []);
    await bulkInsert(
      manager,
      SupportPlanCycle,
      (demo.supportPlanCycles ?? []).map((row) => ({ ...row, nextReviewDue: row.nextReviewDue ?? defaultNextReviewDue(row) })),
    );
    await bulkInsert(manager, RadarAssessment, demo.radarAssessments ?? []);
    await bulkInsert(manager, RadarRating, (demo.radarRatings ?? []).map((row) => ({ ...row, domain: row.domain as RadarDomain })));
    await bulkInsert(manager, SettingReadiness, (demo.settingReadiness ?? []).map((row) => ({ ...row, domain: row.domain as RadarDomain })));
  });
}

export async function isSendEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM ehc_request) AND NOT EXISTS (SELECT 1 FROM ehc_plan) AS empty');
  return row.empty;
}
