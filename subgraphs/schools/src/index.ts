import 'reflect-metadata';
import { AccessAudit1764200000000, MonthFigures1765200000000, type SubgraphDefinition } from '@local-area-graph/subgraph-kit';
import { educationAccess } from './child/education.access.js';
import type { DemoArea } from '@local-area-graph/demo-data';
import { School } from './school/school.js';
import { Enrolment } from './enrolment/enrolment.js';
import { TermAttendance } from './attendance/term-attendance.js';
import { Suspension } from './suspension/suspension.js';
import { SenProvisionStatus } from './sen-provision/sen-provision.js';
import { SchoolRecords1764100000000 } from './migrations/1764100000000-SchoolRecords.js';
import { PupilHomeLocality1764400000000 } from './migrations/1764400000000-PupilHomeLocality.js';
import { SendSelfEvaluation1764800000000 } from './migrations/1764800000000-SendSelfEvaluation.js';
import { SuspensionsMonthFigures1765230000000 } from './migrations/1765230000000-SuspensionsMonthFigures.js';
import { SelfEvaluationStatement, SendAction, SendSelfEvaluation, StatutoryCheck } from './self-evaluation/self-evaluation.js';
import { buildSchoolsSchema } from './schema.js';
import { isSchoolsEmpty, seedSchools } from './seed.js';

/**
 * The schools subgraph: schools, and what schools record about their pupils
 * (enrolments, termly attendance, suspensions and exclusions, SEN provision), and
 * schools' SEND self-evaluations. It adds `education` to `Child`, and `schools`,
 * figures and self-evaluation summaries to `Locality` and `LocalArea`, which the
 * localities subgraph owns.
 */
export const schools: SubgraphDefinition = {
  name: 'schools',
  defaultPort: 4002,
  entities: [School, Enrolment, TermAttendance, Suspension, SenProvisionStatus, SendSelfEvaluation, SelfEvaluationStatement, StatutoryCheck, SendAction],
  migrations: [
    SchoolRecords1764100000000,
    AccessAudit1764200000000,
    PupilHomeLocality1764400000000,
    SendSelfEvaluation1764800000000,
    MonthFigures1765200000000,
    SuspensionsMonthFigures1765230000000,
  ],
  buildSchema: buildSchoolsSchema,
  seed: (db, demo) => seedSchools(db, demo as DemoArea),
  isEmpty: isSchoolsEmpty,
  childAccess: educationAccess,
};

export { School, Enrolment, TermAttendance, Suspension, SenProvisionStatus };
export { seedSchools, isSchoolsEmpty };
