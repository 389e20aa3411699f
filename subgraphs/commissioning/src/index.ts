import 'reflect-metadata';
import type { SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import type { DemoArea } from '@local-area-graph/demo-data';
import { AreaOfWeakness, Workstream } from './workstream/workstream.js';
import { Measure, MeasureTarget } from './measure/measure.js';
import { ActionPlanLine, RagChange } from './action-plan/action-plan-line.js';
import { BoardMember } from './board/board-member.js';
import { PlanChange } from './plan-change/plan-change.js';
import { ImprovementPlan1764900000000 } from './migrations/1764900000000-ImprovementPlan.js';
import { LocalityResponseMeasure1765000000000 } from './migrations/1765000000000-LocalityResponseMeasure.js';
import { BoardPlanWrites1765100000000 } from './migrations/1765100000000-BoardPlanWrites.js';
import { buildCommissioningSchema } from './schema.js';
import { isCommissioningEmpty, seedCommissioning } from './seed.js';

/**
 * The commissioning subgraph: a local area's SEND improvement board. It owns the
 * workstreams, measures, targets and RAG-rated action plans, and reads no other
 * database: the figures it rates come from the subgraphs that own them, through the
 * gateway (`@requires` on `LocalArea` and `Locality`). It holds no personal data, so
 * it keeps no access audit and has no `childAccess` rule.
 */
export const commissioning: SubgraphDefinition = {
  name: 'commissioning',
  defaultPort: 4005,
  entities: [Workstream, AreaOfWeakness, Measure, MeasureTarget, ActionPlanLine, RagChange, BoardMember, PlanChange],
  migrations: [ImprovementPlan1764900000000, LocalityResponseMeasure1765000000000, BoardPlanWrites1765100000000],
  buildSchema: buildCommissioningSchema,
  seed: (db, demo) => seedCommissioning(db, demo as DemoArea),
  isEmpty: isCommissioningEmpty,
};

export { seedCommissioning, isCommissioningEmpty };
export { rate } from './measure/rating.js';
export { REQUIRED_FIGURES, FIGURE_SOURCES } from './figures/figure-sources.js';
