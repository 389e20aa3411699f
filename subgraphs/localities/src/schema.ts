import { buildFederatedSchema, type ReferenceResolvers } from '@local-area-graph/subgraph-kit';
import { ChildResolver, resolveChildReference } from './child/child.resolver.js';
import type { Child } from './child/child.js';
import { ChildAccessLogLinkResolver, ChildAccessLogResolver, resolveChildAccessLogReference } from './access-log/child-access-log.resolver.js';
import { LocalAreaResolver, resolveLocalAreaReference } from './local-area/local-area.resolver.js';
import { LocalityResolver, resolveLocalityReference } from './locality/locality.resolver.js';
import { ChildAccessLogCareTeamPassResolver, ChildCareTeamPassResolver } from './care-team/care-team-pass.resolver.js';
import { ProfessionalResolver, resolveProfessionalReference } from './professional/professional.resolver.js';
import { CaseloadEntryResolver, CaseloadResolver, ChildTeamResolver, LeadProfessionalAppointmentResolver, TeamMemberResolver, type CaseloadEntry } from './team/team.resolver.js';
import { TeamMutations } from './team/team.mutations.js';
import type { TeamMember } from './team/team-member.js';
import type { LeadProfessionalAppointment } from './team/lead-professional-appointment.js';
import { ChildMyWorldResolver, MyWorldAssessmentResolver } from './my-world/my-world-assessment.resolver.js';
import type { MyWorldAssessment } from './my-world/my-world-assessment.js';
import { ChildSupportRequestResolver, InterventionMenuResolver, PlanInterventionResolver, SupportRequestResolver } from './support-request/support-request.resolver.js';
import { SupportRequestMutations } from './support-request/support-request.mutations.js';
import type { SupportRequest } from './support-request/support-request.js';
import { LocalAreaSupportFiguresResolver, LocalitySupportFiguresResolver } from './support-figures/support-figures.resolver.js';
import { resolveSchoolReference } from './school/school.js';

export const buildLocalitiesSchema = () =>
  buildFederatedSchema({ resolvers: [
      ChildResolver,
      LocalAreaResolver,
      LocalityResolver,
      ProfessionalResolver,
      ChildAccessLogLinkResolver,
      ChildAccessLogResolver,
      ChildTeamResolver,
      TeamMemberResolver,
      LeadProfessionalAppointmentResolver,
      CaseloadResolver,
      CaseloadEntryResolver,
      TeamMutations,
      ChildMyWorldResolver,
      MyWorldAssessmentResolver,
      ChildSupportRequestResolver,
      SupportRequestResolver,
      PlanInterventionResolver,
      InterventionMenuResolver,
      SupportRequestMutations,
      LocalitySupportFiguresResolver,
      LocalAreaSupportFiguresResolver,
      ChildCareTeamPassResolver,
      ChildAccessLogCareTeamPassResolver,
    ],
  }, {
    Child: { __resolveReference: resolveChildReference },
    LocalArea: { __resolveReference: resolveLocalAreaReference },
    Locality: { __resolveReference: resolveLocalityReference },
    Professional: { __resolveReference: resolveProfessionalReference },
    School: { __resolveReference: resolveSchoolReference },
    ChildAccessLog: { __resolveReference: resolveChildAccessLogReference },
  } as ReferenceResolvers, {
    // The register entry is the child's personal data; the opaque platform id is not, nor
    // the caller's own care-team pass (a statement about them, checked by its own rule).
    Child: { childOf: (child: Child) => child.id, except: ['id', 'careTeamPass'] },
    // The team around the child says which services work with them: personal data too.
    TeamMember: { childOf: (member: TeamMember) => member.childId, except: ['id'] },
    LeadProfessionalAppointment: { childOf: (appointment: LeadProfessionalAppointment) => appointment.childId, except: ['id'] },
    CaseloadEntry: { childOf: (entry: CaseloadEntry) => entry.childId },
    // A school's assessment of the child's world, and the locality's support: personal data.
    MyWorldAssessment: { childOf: (assessment: MyWorldAssessment) => assessment.childId, except: ['id'] },
    SupportRequest: { childOf: (request: SupportRequest) => request.childId, except: ['id'] },
  });
