import 'reflect-metadata';
import { AccessAudit1764200000000, MonthFigures1765200000000, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import type { DemoArea } from '@local-area-graph/demo-data';
import { healthAccess } from './child/health.access.js';
import { NhsService } from './service/nhs-service.js';
import { WaitingListEntry } from './waiting-list/waiting-list-entry.js';
import { WaitingLists1764700000000 } from './migrations/1764700000000-WaitingLists.js';
import { ContributingPartner1764750000000 } from './migrations/1764750000000-ContributingPartner.js';
import { WaitingTimesMonthFigures1765210000000 } from './migrations/1765210000000-WaitingTimesMonthFigures.js';
import { ReferralBatch } from './referrals/referral-batch.js';
import { buildHealthSchema } from './schema.js';
import { isHealthEmpty, seedHealth } from './seed.js';
import { childKeyOf } from './child/child-key.js';

/**
 * The health subgraph, as an NHS trust runs it: waiting lists for community and
 * specialist children's services, known by NHS number. It adds `health` to `Child`
 * (keyed by `nhsNumber`), waiting-time figures to `Locality`, `LocalArea` and each
 * `NhsService`, and partners' batched referral updates. Each entry records the partner
 * organisation that sent it, which is what a PARTNER may see.
 */
export const health: SubgraphDefinition = {
  name: 'health',
  defaultPort: 4004,
  entities: [NhsService, WaitingListEntry, ReferralBatch],
  migrations: [
    AccessAudit1764200000000,
    WaitingLists1764700000000,
    ContributingPartner1764750000000,
    MonthFigures1765200000000,
    WaitingTimesMonthFigures1765210000000,
  ],
  buildSchema: buildHealthSchema,
  seed: (db, demo) => seedHealth(db, demo as DemoArea),
  isEmpty: isHealthEmpty,
  childAccess: healthAccess,
  // The trust names children by the key it derives from the NHS number, in access and audit alike.
  careTeamKey: (relationship) => childKeyOf(relationship.nhsNumber),
};

export { childKeyOf } from './child/child-key.js';
export { seedHealth, isHealthEmpty };
