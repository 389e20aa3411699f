import 'reflect-metadata';
import { AccessAudit1764200000000, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import type { DemoArea } from '@local-area-graph/demo-data';
import { sendAccess } from './child/send.access.js';
import { EhcNeedsAssessmentRequest } from './ehc-request/ehc-request.js';
import { EhcPlan } from './ehc-plan/ehc-plan.js';
import { AnnualReview } from './annual-review/annual-review.js';
import { SendRecords1764400000000 } from './migrations/1764400000000-SendRecords.js';
import { SupportPlansAndRadar1764500000000 } from './migrations/1764500000000-SupportPlansAndRadar.js';
import { SupportPlan, SupportPlanCycle, SupportPlanOutcome, SupportPlanProvision } from './support-plan/support-plan.js';
import { RadarAssessment, RadarRating, SettingReadiness } from './radar/radar.js';
import { RequestVersion1764450000000 } from './migrations/1764450000000-RequestVersion.js';
import { RadarYearGroup1764600000000 } from './migrations/1764600000000-RadarYearGroup.js';
import { CaseworkerAndClosing1764700000000 } from './migrations/1764700000000-CaseworkerAndClosing.js';
import { buildSendSchema } from './schema.js';
import { isSendEmpty, seedSend } from './seed.js';

/**
 * The SEND subgraph: the local authority's SEND casework, shaped like the DfE SEN2
 * return (EHC needs assessment requests and their statutory clock, EHC plans, annual
 * reviews), SEN support plans and the needs radar. It adds `send` to `Child` and to
 * `School`, and EHC timeliness figures to `Locality` and `LocalArea`.
 */
export const send: SubgraphDefinition = {
  name: 'send',
  defaultPort: 4003,
  entities: [EhcNeedsAssessmentRequest, EhcPlan, AnnualReview, SupportPlan, SupportPlanOutcome, SupportPlanProvision, SupportPlanCycle, RadarAssessment, RadarRating, SettingReadiness],
  migrations: [SendRecords1764400000000, AccessAudit1764200000000, RequestVersion1764450000000, SupportPlansAndRadar1764500000000, RadarYearGroup1764600000000, CaseworkerAndClosing1764700000000],
  buildSchema: buildSendSchema,
  seed: (db, demo) => seedSend(db, demo as DemoArea),
  isEmpty: isSendEmpty,
  childAccess: sendAccess,
};

export { EhcNeedsAssessmentRequest, EhcPlan, AnnualReview };
export { seedSend, isSendEmpty };
