import { buildFederatedSchema, type ReferenceResolvers } from '@local-area-graph/subgraph-kit';
import { ChildEducationResolver, ChildResolver, resolveChildReference } from './child/child.resolver.js';
import type { ChildEducation } from './child/child.js';
import { EnrolmentResolver } from './enrolment/enrolment.resolver.js';
import { LocalityResolver, resolveLocalityReference } from './locality/locality.resolver.js';
import { resolveSchoolReference, SchoolResolver } from './school/school.resolver.js';
import { SenProvisionStatusResolver } from './sen-provision/sen-provision.resolver.js';
import { SuspensionResolver } from './suspension/suspension.resolver.js';
import { TermAttendanceResolver } from './attendance/term-attendance.resolver.js';
import { LocalAreaSenProfileResolver, LocalitySenProfileResolver, SchoolSenProfileResolver } from './sen-profile/sen-profile.resolver.js';
import { LocalArea, resolveLocalAreaReference } from './locality/local-area.js';
import { ChildAccessLog } from './access-log/child-access-log.js';
import { LocalAreaSuspensionFiguresResolver, LocalitySuspensionFiguresResolver } from './suspension/suspension-figures.resolver.js';
import { SchoolSelfEvaluationResolver, SelfEvaluationStatementResolver, SendSelfEvaluationResolver } from './self-evaluation/self-evaluation.resolver.js';
import { SelfEvaluationMutations } from './self-evaluation/self-evaluation.mutations.js';
import { LocalAreaSelfEvaluationSummaryResolver, LocalitySelfEvaluationSummaryResolver } from './self-evaluation/self-evaluation-summary.resolver.js';
import { ChildAccessLogResolver, resolveChildAccessLogReference } from './access-log/child-access-log.resolver.js';

export const buildSchoolsSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        ChildResolver,
        ChildEducationResolver,
        EnrolmentResolver,
        LocalityResolver,
        SchoolResolver,
        SenProvisionStatusResolver,
        SuspensionResolver,
        TermAttendanceResolver,
        SchoolSenProfileResolver,
        LocalitySenProfileResolver,
        LocalAreaSenProfileResolver,
        ChildAccessLogResolver,
        LocalitySuspensionFiguresResolver,
        LocalAreaSuspensionFiguresResolver,
        SchoolSelfEvaluationResolver,
        SendSelfEvaluationResolver,
        SelfEvaluationStatementResolver,
        SelfEvaluationMutations,
        LocalitySelfEvaluationSummaryResolver,
        LocalAreaSelfEvaluationSummaryResolver,
      ],
      // Reachable only through the gateway (it has no root field here), so named explicitly.
      orphanedTypes: [LocalArea, ChildAccessLog],
    },
    {
      Child: { __resolveReference: resolveChildReference },
      Locality: { __resolveReference: resolveLocalityReference },
      LocalArea: { __resolveReference: resolveLocalAreaReference },
      ChildAccessLog: { __resolveReference: resolveChildAccessLogReference },
      School: { __resolveReference: resolveSchoolReference },
    } as ReferenceResolvers,
    // Everything under Child.education is the child's personal data.
    { ChildEducation: { childOf: (education: ChildEducation) => education.childId } },
  );
