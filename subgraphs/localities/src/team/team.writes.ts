import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { InputCheck, forbidden, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { TeamMember } from './team-member.js';
import { LeadEndReason, LeadProfessionalAppointment } from './lead-professional-appointment.js';
import { Professional } from '../professional/professional.js';
import { END_OF_DAY_IN_ENGLAND, findCareTeamRelationships } from './care-team.relationships.js';

/** The date in England of an instant (a lead appointed at 23:30 BST joins the team that day). */
export function dateInEngland(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface LockedChild {
  id: string;
  localityId: string;
  schoolUrn: string | null;
}

/**
 * Locks the child's register row for the rest of the transaction: every change to one
 * child's team and lead queues behind it, so two appointments at once are made one
 * after the other and never both current.
 */
export async function lockChild(manager: EntityManager, childId: string, field: string): Promise<LockedChild> {
  const [row] = await manager.query('SELECT id, locality_id, school_urn FROM child WHERE id = $1 FOR UPDATE', [childId]);
  if (!row) throw notFound('child', childId, field);
  return { id: row.id, localityId: row.locality_id, schoolUrn: row.school_urn };
}

/**
 * Who may change a child's team and appoint its lead: ADMIN; a locality lead for a
 * child living in one of their localities; for team places only (`byLead`), the child's
 * current lead professional, who coordinates the team.
 */
export async function assertMayChangeTeam(ctx: SubgraphContext, manager: EntityManager, child: LockedChild, field: string, { byLead = false } = {}): Promise<void> {
  const viewer = ctx.viewer;
  if (viewer.purpose === null) throw forbidden(field, 'state why you are changing personal data in the x-purpose header');
  if (viewer.role === 'ANALYST') throw forbidden(field, 'analysts see aggregate figures only');
  if (viewer.role === 'ADMIN') return;
  if (viewer.role === 'LOCALITY_LEAD' && viewer.localityIds.includes(child.localityId)) return;
  if (byLead) {
    const related = await findCareTeamRelationships(manager, viewer.subject, [child.id], dateInEngland(new Date()));
    if (related.get(child.id)?.lead) return;
  }
  throw forbidden(field, byLead
    ? "only an administrator, a locality lead of the child's locality or the child's lead professional may do this"
    : "only an administrator or a locality lead of the child's locality may do this");
}

export async function loadProfessional(manager: EntityManager, professionalId: string, field: string): Promise<Professional> {
  const professional = await manager.getRepository(Professional).findOneBy({ id: professionalId });
  if (!professional) throw notFound('professional', professionalId, field);
  return professional;
}

/** Their place on the child's team on `date`, if any. */
async function placeOn(manager: EntityManager, childId: string, professionalId: string, date: string): Promise<TeamMember | null> {
  return manager
    .getRepository(TeamMember)
    .createQueryBuilder('m')
    .where('m.child_id = :childId AND m.professional_id = :professionalId', { childId, professionalId })
    .andWhere('m.start_date <= :date AND (m.end_date IS NULL OR m.end_date >= :date)', { date })
    .getOne();
}

/** Adds a place on the team (the child already locked). Refuses a second place for the same professional. */
export async function addTeamPlace(
  ctx: SubgraphContext,
  manager: EntityManager,
  place: { childId: string; professionalId: string; teamRole: string; startDate: string },
  field = 'professionalId',
): Promise<TeamMember> {
  const [open] = await manager.query(
    'SELECT id FROM team_membership WHERE child_id = $1 AND professional_id = $2 AND (end_date IS NULL OR end_date >= $3)',
    [place.childId, place.professionalId, place.startDate],
  );
  new InputCheck().require(!open, field, 'is already on the team around this child').done();
  const member = manager.getRepository(TeamMember).create({ id: randomUUID(), ...place, endDate: null, addedBy: ctx.viewer.subject });
  await manager.getRepository(TeamMember).insert(member);
  return member;
}

/**
 * Makes `professionalId` the child's lead professional from `at`, in the caller's
 * transaction (the child already locked): the current lead's spell ends at the same
 * instant (HANDED_OVER), and the new lead joins the team around the child if they are
 * not on it. Appointing the current lead again changes nothing. The one code path for
 * every appointment, whether made directly or by recording a locality response.
 */
export async function appointLead(
  ctx: SubgraphContext,
  manager: EntityManager,
  childId: string,
  professionalId: string,
  at: Date,
  fields: { professionalId: string; appointedAt: string },
): Promise<LeadProfessionalAppointment> {
  await loadProfessional(manager, professionalId, `input.${fields.professionalId}`);
  const appointments = manager.getRepository(LeadProfessionalAppointment);
  const current = await appointments.findOne({ where: { childId, endedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  if (current && current.professionalId === professionalId) return current;
  new InputCheck()
    .require(at.getTime() <= Date.now() + 60_000, fields.appointedAt, 'is in the future')
    .require(!current || at.getTime() >= current.appointedAt.getTime(), fields.appointedAt, `is before the current lead professional was appointed (${current?.appointedAt.toISOString()})`)
    .done();
  if (current) await appointments.update({ id: current.id }, { endedAt: at, endReason: LeadEndReason.HANDED_OVER });
  const appointment = appointments.create({ id: randomUUID(), childId, professionalId, appointedAt: at, endedAt: null, appointedBy: ctx.viewer.subject, endReason: null });
  await appointments.insert(appointment);
  const day = dateInEngland(at);
  if (!(await placeOn(manager, childId, professionalId, day))) {
    await addTeamPlace(ctx, manager, { childId, professionalId, teamRole: 'Lead professional', startDate: day }, fields.professionalId);
  }
  return appointments.findOneByOrFail({ id: appointment.id });
}

/**
 * Ends the current lead's spell (the child already locked) at the close of `lastDay`
 * in England, or now if that is still to come, e.g. when they leave the team or the
 * support ends. Only `professionalId`'s spell, when given.
 */
export async function endLead(manager: EntityManager, childId: string, lastDay: string, reason: LeadEndReason, professionalId?: string): Promise<void> {
  await manager.query(
    `UPDATE lead_professional_appointment SET ended_at = GREATEST(LEAST(now(), ${END_OF_DAY_IN_ENGLAND('$2')}), appointed_at), end_reason = $3
      WHERE child_id = $1 AND ended_at IS NULL AND ($4::uuid IS NULL OR professional_id = $4::uuid)`,
    [childId, lastDay, reason, professionalId ?? null],
  );
}
