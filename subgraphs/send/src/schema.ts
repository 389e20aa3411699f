import { buildFederatedSchema, type ReferenceResolvers } from '@local-area-graph/subgraph-kit';
import { CaseworkMutations } from './casework/casework.mutations.js';
import { SupportPlanMutations } from './support-plan/support-plan.mutations.js';
import { ChildResolver, ChildSendResolver, resolveChildReference } from './child/child.resolver.js';
import { Child, type ChildSend } from './child/child.js';
import { EhcNeedsAssessmentRequestResolver } from './ehc-request/ehc-request.resolver.js';
import { EhcPlanResolver } from './ehc-plan/ehc-plan.resolver.js';
import { SchoolResolver, SchoolSendResolver } from './school/school.resolver.js';
import { resolveSchoolReference, School } from './school/school.js';
import { Locality, resolveLocalityReference } from './locality/locality.js';
import { LocalArea, resolveLocalAreaReference } from './locality/local-area.js';
import { LocalAreaFiguresResolver, LocalityAreaFiguresResolver } from './area-figures/area-figures.resolver.js';
import { LocalAreaLast12MonthsResolver, LocalityLast12MonthsResolver } from './area-figures/last-12-months.resolver.js';
import { ChildAccessLog } from './access-log/child-access-log.js';
import { ChildAccessLogResolver, resolveChildAccessLogReference } from './access-log/child-access-log.resolver.js';
import { ChildSupportPlanResolver, SupportPlanResolver } from './support-plan/support-plan.resolver.js';
import { ChildSendCaseResolver } from './case/send-case.resolver.js';
import { Professional } from './professional/professional.js';
import { ChildRadarResolver, RadarAssessmentResolver, SchoolRadarResolver } from './radar/radar.resolver.js';

export const buildSendSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        ChildResolver,
        ChildSendResolver,
        EhcNeedsAssessmentRequestResolver,
        EhcPlanResolver,
        SchoolResolver,
        SchoolSendResolver,
        LocalityAreaFiguresResolver,
        LocalAreaFiguresResolver,
        LocalityLast12MonthsResolver,
        LocalAreaLast12MonthsResolver,
        ChildAccessLogResolver,
        SupportPlanResolver,
        ChildSupportPlanResolver,
        RadarAssessmentResolver,
        ChildRadarResolver,
        SchoolRadarResolver,
        ChildSendCaseResolver,
        CaseworkMutations,
        SupportPlanMutations,
      ],
      // Reachable only through the gateway (this subgraph has no root field), so named explicitly.
      orphanedTypes: [Child, School, Locality, LocalArea, ChildAccessLog, Professional],
    },
    {
      Child: { __resolveReference: resolveChildReference },
      School: { __resolveReference: resolveSchoolReference },
      Locality: { __resolveReference: resolveLocalityReference },
      LocalArea: { __resolveReference: resolveLocalAreaReference },
      ChildAccessLog: { __resolveReference: resolveChildAccessLogReference },
    } as ReferenceResolvers,
    // Everything under Child.send is the child's personal data.
    { ChildSend: { childOf: (send: ChildSend) => send.childId } },
  );
