import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { InputCheck, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { TeamMember } from './team-member.js';
import { LeadEndReason, LeadProfessionalAppointment } from './lead-professional-appointment.js';
import { AddTeamMemberInput, AppointLeadProfessionalInput, EndTeamMembershipInput } from './team.inputs.js';
import { addTeamPlace, appointLead, assertMayChangeTeam, endLead, loadProfessional, lockChild } from './team.writes.js';

/**
 * Changes to the team around a child. Each is one transaction with its audit row, and
 * each first locks the child's register row, so changes to one child's team are made
 * one at a time.
 */
@Resolver()
export class TeamMutations {
  @Mutation(() => TeamMember, {
    description: "Add a professional to the team around a child. For an administrator, a locality lead of the child's locality, or the child's lead professional.",
  })
  async addTeamMember(
    @Arg('input', () => AddTeamMemberInput, { description: 'Who joins, in what role, from when.' }) input: AddTeamMemberInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamMember> {
    new InputCheck()
      .require(isUuid(input.childId), 'childId', 'is not a platform id')
      .require(isUuid(input.professionalId), 'professionalId', 'is not a platform id')
      .require(input.teamRole.trim().length > 0, 'teamRole', 'is required')
      .pastDate(input.startDate, 'startDate')
      .done();
    return inTransaction(ctx, async (manager) => {
      const child = await lockChild(manager, input.childId.toLowerCase(), 'input.childId');
      await assertMayChangeTeam(ctx, manager, child, 'Mutation.addTeamMember', { byLead: true });
      await loadProfessional(manager, input.professionalId, 'input.professionalId');
      const member = await addTeamPlace(ctx, manager, {
        childId: child.id,
        professionalId: input.professionalId.toLowerCase(),
        teamRole: input.teamRole.trim(),
        startDate: input.startDate,
      });
      await ctx.audit.recordWrite(manager, child.id, ['Mutation.addTeamMember']);
      return member;
    });
  }

  @Mutation(() => TeamMember, {
    description:
      "Record a professional's last day on the team around a child. If they were the lead professional, their spell as lead ends too (LEFT_TEAM). For an administrator, a locality lead of the child's locality, or the child's lead professional.",
  })
  async endTeamMembership(
    @Arg('input', () => EndTeamMembershipInput, { description: 'Whose place ends, and their last day.' }) input: EndTeamMembershipInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TeamMember> {
    new InputCheck().require(isUuid(input.membershipId), 'membershipId', 'is not a platform id').pastDate(input.endDate, 'endDate').done();
    return inTransaction(ctx, async (manager) => {
      const found = await manager.getRepository(TeamMember).findOneBy({ id: input.membershipId });
      if (!found) throw notFound('team place', input.membershipId, 'input.membershipId');
      const child = await lockChild(manager, found.childId, 'input.membershipId');
      await assertMayChangeTeam(ctx, manager, child, 'Mutation.endTeamMembership', { byLead: true });
      const member = await manager.getRepository(TeamMember).findOneByOrFail({ id: found.id });
      new InputCheck()
        .require(member.endDate === null, 'membershipId', `already ended on ${member.endDate}`)
        .ordered(member.startDate, input.endDate, 'endDate', `is before they joined the team (${member.startDate})`)
        .done();
      await manager.getRepository(TeamMember).update({ id: member.id }, { endDate: input.endDate });
      await endLead(manager, child.id, input.endDate, LeadEndReason.LEFT_TEAM, member.professionalId);
      await ctx.audit.recordWrite(manager, child.id, ['Mutation.endTeamMembership']);
      return manager.getRepository(TeamMember).findOneByOrFail({ id: member.id });
    });
  }

  @Mutation(() => LeadProfessionalAppointment, {
    description:
      "Appoint a child's lead professional. There is only ever one: the current lead hands over at the same moment, even when two appointments arrive at once. The new lead joins the team if not on it. For an administrator or a locality lead of the child's locality.",
  })
  async appointLeadProfessional(
    @Arg('input', () => AppointLeadProfessionalInput, { description: 'Who becomes lead professional, and from when.' }) input: AppointLeadProfessionalInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LeadProfessionalAppointment> {
    new InputCheck()
      .require(isUuid(input.childId), 'childId', 'is not a platform id')
      .require(isUuid(input.professionalId), 'professionalId', 'is not a platform id')
      .require(!input.appointedAt || !Number.isNaN(input.appointedAt.getTime()), 'appointedAt', 'is not a date and time')
      .done();
    return inTransaction(ctx, async (manager) => {
      const child = await lockChild(manager, input.childId.toLowerCase(), 'input.childId');
      await assertMayChangeTeam(ctx, manager, child, 'Mutation.appointLeadProfessional');
      const appointment = await appointLead(ctx, manager, child.id, input.professionalId.toLowerCase(), input.appointedAt ?? new Date(), {
        professionalId: 'professionalId',
        appointedAt: 'appointedAt',
      });
      await ctx.audit.recordWrite(manager, child.id, ['Mutation.appointLeadProfessional']);
      return appointment;
    });
  }
}
