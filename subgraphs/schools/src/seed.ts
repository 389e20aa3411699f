import type { DataSource } from 'typeorm';
import { bulkInsert } from '@local-area-graph/database';
import type { DemoArea } from '@local-area-graph/demo-data';
import { School, type SchoolPhase, type SchoolType } from './school/school.js';
import { Enrolment } from './enrolment/enrolment.js';
import { TermAttendance, type Term } from './attendance/term-attendance.js';
import { Suspension, type SuspensionCategory } from './suspension/suspension.js';
import { SenProvisionStatus, type SenNeedType, type SenProvision } from './sen-provision/sen-provision.js';
import { SelfEvaluationStatement, SendAction, SendSelfEvaluation, StatutoryCheck } from './self-evaluation/self-evaluation.js';
import { FRAMEWORK_BY_CODE, type SelfEvaluationGrade, type StatutoryCheckItem } from './self-evaluation/framework.js';

/**
 * Loads the demo area's school records: schools, enrolments, termly attendance,
 * suspensions, SEN provision and SEND self-evaluations. One transaction: all of it or none.
 */
export async function seedSchools(db: DataSource, demo: DemoArea): Promise<void> {
  await db.transaction(async (manager) => {
    await bulkInsert(
      manager,
      School,
      demo.schools.map((school) => ({
        ...school,
        phase: school.phase as SchoolPhase,
        type: school.type as SchoolType,
        // Every school in the demo is in the demo's one local area.
        laNumber: demo.localArea.laNumber,
      })),
    );
    // The census returns each pupil's home address; the local authority maps it to a locality.
    const homeOf = new Map(demo.children.map((child) => [child.id, child.localityId]));
    await bulkInsert(manager, Enrolment, demo.enrolments.map((e) => ({ ...e, homeLocalityId: homeOf.get(e.childId) ?? null })));
    await bulkInsert(
      manager,
      TermAttendance,
      demo.attendance.map((row) => ({ ...row, term: row.term as Term })),
    );
    await bulkInsert(
      manager,
      Suspension,
      demo.suspensions.map(({ reasons, ...suspension }) => ({
        ...suspension,
        category: suspension.category as SuspensionCategory,
        reasonCodes: reasons,
      })),
    );
    await bulkInsert(
      manager,
      SenProvisionStatus,
      demo.senProvision.map((row) => ({
        ...row,
        provision: row.provision as SenProvision,
        primaryNeed: row.primaryNeed as SenNeedType | null,
        secondaryNeed: row.secondaryNeed as SenNeedType | null,
      })),
    );
    // Recorded "now" for the demo: when the platform first loaded them.
    const recordedAt = new Date();
    await bulkInsert(manager, SendSelfEvaluation, demo.selfEvaluations.map((e) => ({ ...e, recordedAt })));
    await bulkInsert(
      manager,
      SelfEvaluationStatement,
      demo.selfEvaluationStatements.map((s) => ({ ...s, dimension: FRAMEWORK_BY_CODE.get(s.code)!.dimension, grade: s.grade as SelfEvaluationGrade })),
    );
    await bulkInsert(manager, StatutoryCheck, demo.statutoryChecks.map((c) => ({ ...c, item: c.item as StatutoryCheckItem })));
    await bulkInsert(manager, SendAction, demo.sendActions.map((a) => ({ ...a, version: 1 })));
  });
}

export async function isSchoolsEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM school) AS empty');
  return row.empty;
}
