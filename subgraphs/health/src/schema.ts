import { buildFederatedSchema, type ReferenceResolvers } from '@local-area-graph/subgraph-kit';
import { ChildHealthResolver, ChildResolver, resolveChildReference, WaitingListEntryResolver } from './child/child.resolver.js';
import { Child, type ChildHealth } from './child/child.js';
import { childKeyOf } from './child/child-key.js';
import { Locality, resolveLocalityReference } from './locality/locality.js';
import { LocalArea, resolveLocalAreaReference } from './locality/local-area.js';
import { NhsServiceResolver } from './service/nhs-service.resolver.js';
import { LocalAreaWaitingTimesResolver, LocalityWaitingTimesResolver, NhsServiceWaitingTimesResolver } from './figures/waiting-times.resolver.js';
import { LocalAreaWaitingTimesLast12MonthsResolver, LocalityWaitingTimesLast12MonthsResolver } from './figures/waiting-times-last-12-months.js';
import { ReferralMutations } from './referrals/referrals.mutations.js';
import { ReferralBatchResolver } from './referrals/referral-batches.resolver.js';
import { WaitingListResolver } from './waiting-list/waiting-list.resolver.js';
import { ChildAccessLog } from './access-log/child-access-log.js';
import { ChildAccessLogResolver, resolveChildAccessLogReference } from './access-log/child-access-log.resolver.js';

export const buildHealthSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        ChildResolver,
        ChildHealthResolver,
        WaitingListEntryResolver,
        NhsServiceResolver,
        NhsServiceWaitingTimesResolver,
        LocalityWaitingTimesResolver,
        LocalAreaWaitingTimesResolver,
        LocalityWaitingTimesLast12MonthsResolver,
        LocalAreaWaitingTimesLast12MonthsResolver,
        ReferralMutations,
        ReferralBatchResolver,
        WaitingListResolver,
        ChildAccessLogResolver,
      ],
      // Reachable only through the gateway, so named explicitly.
      orphanedTypes: [Child, Locality, LocalArea, ChildAccessLog],
    },
    {
      Child: { __resolveReference: resolveChildReference },
      Locality: { __resolveReference: resolveLocalityReference },
      LocalArea: { __resolveReference: resolveLocalAreaReference },
      ChildAccessLog: { __resolveReference: resolveChildAccessLogReference },
    } as ReferenceResolvers,
    // Everything under Child.health is the child's personal data. The trust knows the
    // child by NHS number only, so its audit names the child by the pseudonymous key
    // derived from it (child/child-key.ts), not by platform id.
    { ChildHealth: { childOf: (health: ChildHealth) => childKeyOf(health.nhsNumber) } },
  );
