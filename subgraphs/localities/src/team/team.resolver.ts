import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, todayInEngland } from '@local-area-graph/identifiers';
import { PageInfo, assertUuid, badUserInput, connectionFrom, decodeCursor, pageSize, selects, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child } from '../child/child.js';
import { Professional } from '../professional/professional.js';
import { TeamMember } from './team-member.js';
import { LeadProfessionalAppointment } from './lead-professional-appointment.js';

const appointmentsOf = (ctx: SubgraphContext) => ctx.loaders.many(LeadProfessionalAppointment, 'childId', { appointedAt: 'DESC' });
/*
 * The professionals a child's team and lead appointments name, read in the same
 * statement as the team and appointments themselves when the operation asks for them:
 * the team around the child is then one round trip to the register, not two in a row.
 */
const withMembersProfessionals = (ctx: SubgraphContext) => ctx.loaders.prefetch(TeamMember, 'childId', 'professionalId', Professional, 'id');
const withLeadsProfessionals = (ctx: SubgraphContext) => ctx.loaders.prefetch(LeadProfessionalAppointment, 'childId', 'professionalId', Professional, 'id');
const isOnTeam = (member: TeamMember, date: string) => member.startDate <= date && (member.endDate === null || member.endDate >= date);

@Resolver(() => Child)
export class ChildTeamResolver {
  @FieldResolver(() => [TeamMember], {
    nullable: true,
    description: 'The team around the child: every professional working with them, with their role and dates, the current ones first. Past members too unless `currentOnly`.',
  })
  async team(
    @Root() child: Child,
    @Arg('currentOnly', () => Boolean, { nullable: true, description: 'Only those on the team today.' }) currentOnly: boolean | null,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TeamMember[]> {
    if (selects(info, 'professional')) withMembersProfessionals(ctx);
    const members = await ctx.loaders.many(TeamMember, 'childId', { startDate: 'ASC', createdAt: 'ASC', id: 'ASC' }).load(child.id);
    const today = todayInEngland();
    const current = members.filter((m) => isOnTeam(m, today));
    return currentOnly ? current : [...current, ...members.filter((m) => !isOnTeam(m, today))];
  }

  @FieldResolver(() => Professional, { nullable: true, description: "The child's lead professional now: the one person who coordinates the team around them. Empty if none is appointed." })
  async leadProfessional(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<Professional | null> {
    withLeadsProfessionals(ctx);
    const current = (await appointmentsOf(ctx).load(child.id)).find((a) => a.endedAt === null);
    return current ? ctx.loaders.one(Professional, 'id').load(current.professionalId) : null;
  }

  @FieldResolver(() => [LeadProfessionalAppointment], { nullable: true, description: "Everyone who has been the child's lead professional, newest first, with who appointed them and why each spell ended." })
  leadProfessionalHistory(@Root() child: Child, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<LeadProfessionalAppointment[]> {
    if (selects(info, 'professional')) withLeadsProfessionals(ctx);
    return appointmentsOf(ctx).load(child.id);
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @FieldResolver(() => Professional, { nullable: true, description: 'The professional: name, role, agency and contact.' })
  professional(@Root() member: TeamMember, @Ctx() ctx: SubgraphContext): Promise<Professional | null> {
    return ctx.loaders.one(Professional, 'id').load(member.professionalId);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "Whether they are the child's lead professional now." })
  async isLead(@Root() member: TeamMember, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const current = (await appointmentsOf(ctx).load(member.childId)).find((a) => a.endedAt === null);
    return current?.professionalId === member.professionalId && isOnTeam(member, todayInEngland());
  }
}

@Resolver(() => LeadProfessionalAppointment)
export class LeadProfessionalAppointmentResolver {
  @FieldResolver(() => Professional, { nullable: true, description: 'The lead professional.' })
  professional(@Root() appointment: LeadProfessionalAppointment, @Ctx() ctx: SubgraphContext): Promise<Professional | null> {
    return ctx.loaders.one(Professional, 'id').load(appointment.professionalId);
  }
}

/** One child on a professional's caseload. Personal data: guarded like the register. */
@ObjectType({ description: 'A child whose team around the child you are on, with your place on it.' })
export class CaseloadEntry {
  childId: string;

  @Field(() => String, { nullable: true, description: 'Your role on their team.' })
  teamRole: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The first day you were on their team.' })
  startDate: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether you are their lead professional.' })
  lead: boolean;
}

@Resolver(() => CaseloadEntry)
export class CaseloadEntryResolver {
  @FieldResolver(() => Child, { nullable: true, description: 'The child.' })
  child(@Root() entry: CaseloadEntry, @Ctx() ctx: SubgraphContext): Promise<Child | null> {
    return ctx.loaders.one(Child, 'id').load(entry.childId);
  }
}

@ObjectType({ description: 'A page of your caseload, in surname order.' })
class CaseloadConnection {
  @Field(() => Int, { description: 'How many children are on your caseload, across all pages.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page ends and whether there is another.' })
  pageInfo: PageInfo;

  @Field(() => [CaseloadEntry], { description: 'The children on this page.' })
  nodes: CaseloadEntry[];
}

interface CaseloadRow {
  child_id: string;
  family_name: string;
  given_name: string;
  team_role: string;
  start_date: string;
  lead: boolean;
}

@Resolver()
export class CaseloadResolver {
  @Query(() => CaseloadConnection, {
    description:
      'Your own caseload: the children whose team around the child you are on today, found through the professional record your sign-in belongs to, a page at a time in surname order. Empty if your sign-in is not a professional on this platform.',
  })
  async myCaseload(
    @Arg('first', () => Int, { nullable: true, description: 'How many children per page (1 to 1000, default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseloadConnection> {
    const size = pageSize({ first });
    let cursor: [string, string, string] | null = null;
    if (after) {
      const [familyName, givenName, id] = decodeCursor(after);
      if (typeof familyName !== 'string' || typeof givenName !== 'string' || typeof id !== 'string') {
        throw badUserInput(`"${after}" is not a cursor of your caseload.`, 'after');
      }
      cursor = [familyName, givenName, assertUuid(id, 'after')];
    }
    const today = todayInEngland();
    const mine = `FROM team_membership m
      JOIN professional p ON p.id = m.professional_id AND p.subject = $1
      JOIN child c ON c.id = m.child_id
      WHERE m.start_date <= $2::date AND (m.end_date IS NULL OR m.end_date >= $2::date)`;
    const [rows, [count]] = await Promise.all([
      ctx.db.query(
        `SELECT m.child_id, c.family_name, c.given_name, m.team_role, to_char(m.start_date, 'YYYY-MM-DD') AS start_date,
                EXISTS (SELECT 1 FROM lead_professional_appointment a WHERE a.child_id = m.child_id AND a.professional_id = p.id AND a.ended_at IS NULL) AS lead
           ${mine} AND ($3::text IS NULL OR (c.family_name, c.given_name, c.id) > ($3::text, $4::text, $5::uuid))
          ORDER BY c.family_name, c.given_name, c.id LIMIT $6`,
        [ctx.viewer.subject, today, cursor?.[0] ?? null, cursor?.[1] ?? null, cursor?.[2] ?? null, size + 1],
      ) as Promise<CaseloadRow[]>,
      ctx.db.query(`SELECT count(*)::int AS n ${mine}`, [ctx.viewer.subject, today]) as Promise<{ n: number }[]>,
    ]);
    const entries = rows.map((row) => ({
      childId: row.child_id,
      teamRole: row.team_role,
      startDate: row.start_date,
      lead: row.lead,
      key: [row.family_name, row.given_name, row.child_id],
    }));
    return connectionFrom(entries, size, (entry) => entry.key, count!.n) as unknown as CaseloadConnection;
  }
}
