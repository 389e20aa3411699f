import type { DataSource } from 'typeorm';
import { bulkInsert } from '@local-area-graph/database';
import type { DemoArea } from '@local-area-graph/demo-data';
import { LocalArea } from './local-area/local-area.js';
import { Locality } from './locality/locality.js';
import { Child, type Sex } from './child/child.js';
import { Professional, type Agency } from './professional/professional.js';
import { TeamMember } from './team/team-member.js';
import { LeadEndReason, LeadProfessionalAppointment } from './team/lead-professional-appointment.js';
import { MyWorldAssessment, type MyWorldTrigger } from './my-world/my-world-assessment.js';
import { SupportRequest, type SupportOutcome } from './support-request/support-request.js';
import { MonitoringReview, PlanIntervention, type ReviewProgress } from './support-request/intervention.js';
import { responseClock } from '@local-area-graph/working-days';

/**
 * Loads the demo area's register (the area, its localities, children and
 * professionals) and its locality teams (My World assessments, requests for support
 * and their plans, lead professionals, teams around children). One transaction.
 */
export async function seedLocalities(db: DataSource, demo: DemoArea): Promise<void> {
  await db.transaction(async (manager) => {
    await bulkInsert(manager, LocalArea, [demo.localArea]);
    await bulkInsert(manager, Locality, demo.localities);
    // The register records each child's current school, as the census tells the local authority.
    const schoolOf = new Map(demo.enrolments.filter((e) => e.endDate === null).map((e) => [e.childId, e.schoolUrn]));
    await bulkInsert(
      manager,
      Child,
      demo.children.map((child) => ({ ...child, sex: child.sex as Sex, schoolUrn: schoolOf.get(child.id) ?? null })),
    );
    await bulkInsert(
      manager,
      Professional,
      // The demo's identity provider signs professionals in by their work email.
      demo.professionals.map(({ schoolUrn: _school, ...professional }) => ({ ...professional, agency: professional.agency as Agency, subject: professional.email })),
    );
    await bulkInsert(
      manager,
      MyWorldAssessment,
      (demo.myWorldAssessments ?? []).map((a) => ({ ...a, trigger: a.trigger as MyWorldTrigger, submittedBy: 'demo' })),
    );
    await bulkInsert(
      manager,
      LeadProfessionalAppointment,
      (demo.leadAppointments ?? []).map((a) => ({
        ...a,
        appointedAt: new Date(a.appointedAt),
        endedAt: a.endedAt ? new Date(a.endedAt) : null,
        endReason: a.endReason as LeadEndReason | null,
        appointedBy: 'demo',
      })),
    );
    await bulkInsert(manager, TeamMember, (demo.teamMemberships ?? []).map((m) => ({ ...m, addedBy: 'demo' })));
    await bulkInsert(
      manager,
      SupportRequest,
      (demo.supportRequests ?? []).map((r) => ({
        ...r,
        receivedAt: new Date(r.receivedAt),
        // The same clock the writes use: the demo never stores a due time of its own.
        dueAt: responseClock(new Date(r.receivedAt)).dueAt,
        respondedAt: r.respondedAt ? new Date(r.respondedAt) : null,
        outcome: r.outcome as SupportOutcome | null,
        version: 1,
      })),
    );
    await bulkInsert(manager, PlanIntervention, (demo.planInterventions ?? []).map((i) => ({ ...i, addedBy: 'demo' })));
    await bulkInsert(manager, MonitoringReview, (demo.monitoringReviews ?? []).map((r) => ({ ...r, progress: r.progress as ReviewProgress, reviewedBy: 'demo' })));
  });
}

export async function isLocalitiesEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM local_area) AS empty');
  return row.empty;
}
