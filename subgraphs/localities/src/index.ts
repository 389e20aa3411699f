import 'reflect-metadata';
import { AccessAudit1764200000000, MonthFigures1765200000000, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import type { DemoArea } from '@local-area-graph/demo-data';
import { LocalArea } from './local-area/local-area.js';
import { Locality } from './locality/locality.js';
import { Child } from './child/child.js';
import { Professional } from './professional/professional.js';
import { ChildRegister1764000000000 } from './migrations/1764000000000-ChildRegister.js';
import { RegisterSchool1764300000000 } from './migrations/1764300000000-RegisterSchool.js';
import { TeamAroundTheChild1764800000000 } from './migrations/1764800000000-TeamAroundTheChild.js';
import { TeamMember } from './team/team-member.js';
import { LeadProfessionalAppointment } from './team/lead-professional-appointment.js';
import { LocalitySupport1764900000000 } from './migrations/1764900000000-LocalitySupport.js';
import { SupportFiguresMonthFigures1765220000000 } from './migrations/1765220000000-SupportFiguresMonthFigures.js';
import { MyWorldAssessment } from './my-world/my-world-assessment.js';
import { SupportRequest } from './support-request/support-request.js';
import { InterventionKind, MonitoringReview, PlanIntervention } from './support-request/intervention.js';
import { childRegisterAccess } from './child/child.access.js';
import { buildLocalitiesSchema } from './schema.js';
import { isLocalitiesEmpty, seedLocalities } from './seed.js';

/**
 * The localities subgraph: the local area, its localities, the child register
 * (`Child`'s names, date of birth and identifiers) and professionals.
 */
export const localities: SubgraphDefinition = {
  name: 'localities',
  defaultPort: 4001,
  entities: [
    LocalArea,
    Locality,
    Child,
    Professional,
    TeamMember,
    LeadProfessionalAppointment,
    MyWorldAssessment,
    SupportRequest,
    InterventionKind,
    PlanIntervention,
    MonitoringReview,
  ],
  migrations: [
    ChildRegister1764000000000,
    AccessAudit1764200000000,
    RegisterSchool1764300000000,
    TeamAroundTheChild1764800000000,
    LocalitySupport1764900000000,
    MonthFigures1765200000000,
    SupportFiguresMonthFigures1765220000000,
  ],
  buildSchema: buildLocalitiesSchema,
  seed: (db, demo) => seedLocalities(db, demo as DemoArea),
  isEmpty: isLocalitiesEmpty,
  childAccess: childRegisterAccess,
  // The register knows the team around the child, so it vouches for it to the other services.
  issuesCareTeamPasses: true,
};

export { LocalArea, Locality, Child, Professional, TeamMember, LeadProfessionalAppointment, MyWorldAssessment, SupportRequest, InterventionKind, PlanIntervention, MonitoringReview };
