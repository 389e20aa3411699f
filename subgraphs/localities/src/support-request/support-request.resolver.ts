import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { responseClock, workingDaysToRespond } from '@local-area-graph/working-days';
import { Child } from '../child/child.js';
import { Locality } from '../locality/locality.js';
import { MyWorldAssessment } from '../my-world/my-world-assessment.js';
import { LeadProfessionalAppointment } from '../team/lead-professional-appointment.js';
import { InterventionKind, MonitoringReview, PlanIntervention } from './intervention.js';
import { SupportRequest, SupportRequestStatus } from './support-request.js';

export const statusOf = (request: SupportRequest): SupportRequestStatus =>
  request.outcome ? SupportRequestStatus.CLOSED : request.respondedAt ? SupportRequestStatus.PLAN_OPEN : SupportRequestStatus.AWAITING_RESPONSE;

@Resolver(() => Child)
export class ChildSupportRequestResolver {
  @FieldResolver(() => [SupportRequest], { nullable: true, description: "The child's requests for locality support, newest first, each with its response, plan and outcome." })
  supportRequests(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<SupportRequest[]> {
    return ctx.loaders.many(SupportRequest, 'childId', { receivedAt: 'DESC', id: 'DESC' }).load(child.id);
  }
}

@Resolver(() => SupportRequest)
export class SupportRequestResolver {
  @FieldResolver(() => Child, { nullable: true, description: 'The child it is about.' })
  child(@Root() request: SupportRequest, @Ctx() ctx: SubgraphContext): Promise<Child | null> {
    return ctx.loaders.one(Child, 'id').load(request.childId);
  }

  @FieldResolver(() => MyWorldAssessment, { nullable: true, description: 'The My World assessment it was sent with.' })
  assessment(@Root() request: SupportRequest, @Ctx() ctx: SubgraphContext): Promise<MyWorldAssessment | null> {
    return ctx.loaders.one(MyWorldAssessment, 'id').load(request.assessmentId);
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The locality whose single point of contact received it.' })
  locality(@Root() request: SupportRequest, @Ctx() ctx: SubgraphContext): Promise<Locality | null> {
    return ctx.loaders.one(Locality, 'id').load(request.localityId);
  }

  @FieldResolver(() => SupportRequestStatus, { nullable: true, description: 'Where it has got to: awaiting a response, plan open, or closed.' })
  status(@Root() request: SupportRequest): SupportRequestStatus {
    return statusOf(request);
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'The last day a response is on time (the 2nd working day after the day it counts as received).' })
  dueDate(@Root() request: SupportRequest): string {
    return responseClock(request.receivedAt).dueDate;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Working days the response took: 0 on the day it counts as received, weekends and bank holidays in England not counted (a response on one counts as made on the next working day). Empty until answered.',
  })
  workingDaysToRespond(@Root() request: SupportRequest): number | null {
    return request.respondedAt ? workingDaysToRespond(request.receivedAt, request.respondedAt) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the locality responded within 2 working days: false once the due time has passed without a response; empty while it still can.',
  })
  respondedInTime(@Root() request: SupportRequest): boolean | null {
    if (request.respondedAt) return request.respondedAt.getTime() < request.dueAt.getTime();
    return Date.now() >= request.dueAt.getTime() ? false : null;
  }

  @FieldResolver(() => LeadProfessionalAppointment, { nullable: true, description: 'The lead professional the locality appointed in its response, with their spell as lead.' })
  leadProfessional(@Root() request: SupportRequest, @Ctx() ctx: SubgraphContext): Promise<LeadProfessionalAppointment | null> | null {
    return request.leadAppointmentId ? ctx.loaders.one(LeadProfessionalAppointment, 'id').load(request.leadAppointmentId) : null;
  }

  @FieldResolver(() => [PlanIntervention], { nullable: true, description: 'The coordinated plan: its interventions from the menu, in start order.' })
  interventions(@Root() request: SupportRequest, @Ctx() ctx: SubgraphContext): Promise<PlanIntervention[]> {
    return ctx.loaders.many(PlanIntervention, 'requestId', { startDate: 'ASC', id: 'ASC' }).load(request.id);
  }

  @FieldResolver(() => [MonitoringReview], { nullable: true, description: "The plan's monitoring reviews, in date order." })
  reviews(@Root() request: SupportRequest, @Ctx() ctx: SubgraphContext): Promise<MonitoringReview[]> {
    return ctx.loaders.many(MonitoringReview, 'requestId', { reviewDate: 'ASC', id: 'ASC' }).load(request.id);
  }
}

@Resolver(() => PlanIntervention)
export class PlanInterventionResolver {
  @FieldResolver(() => InterventionKind, { description: 'What kind of support it is, from the menu.' })
  async kind(@Root() intervention: PlanIntervention, @Ctx() ctx: SubgraphContext): Promise<InterventionKind> {
    return (await ctx.loaders.one(InterventionKind, 'code').load(intervention.kindCode))!;
  }
}

@Resolver(() => InterventionKind)
export class InterventionMenuResolver {
  @Query(() => [InterventionKind], { description: "The locality's menu of interventions a coordinated plan chooses from, in menu order." })
  interventionMenu(@Ctx() ctx: SubgraphContext): Promise<InterventionKind[]> {
    return ctx.db.getRepository(InterventionKind).find({ order: { sortOrder: 'ASC' } });
  }
}
