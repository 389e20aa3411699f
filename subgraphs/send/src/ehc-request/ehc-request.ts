import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

export enum RequestedBy {
  PARENT = 'PARENT',
  YOUNG_PERSON = 'YOUNG_PERSON',
  SCHOOL = 'SCHOOL',
  HEALTH = 'HEALTH',
  OTHER = 'OTHER',
}
registerEnumType(RequestedBy, {
  name: 'EhcRequestedBy',
  description: 'Who asked the local authority for an EHC needs assessment.',
  valuesConfig: {
    PARENT: { description: "The child's parent or carer." },
    YOUNG_PERSON: { description: 'The young person themselves (aged 16 to 25).' },
    SCHOOL: { description: 'The school, college or early years setting, usually through its SENCO.' },
    HEALTH: { description: 'A health professional, such as a paediatrician or a therapist.' },
    OTHER: { description: 'Anyone else, such as social care or a youth offending team.' },
  },
});

/** SEN2 request outcome; the stored values are the SEN2 codes. */
export enum AssessmentDecision {
  ASSESS = 'Y',
  DO_NOT_ASSESS = 'N',
  PENDING = 'A',
  WITHDRAWN = 'W',
}
registerEnumType(AssessmentDecision, {
  name: 'AssessmentDecision',
  description: "The local authority's decision on whether to carry out an EHC needs assessment (the SEN2 request outcome, due by week 6).",
  valuesConfig: {
    ASSESS: { description: 'SEN2 code Y: the local authority agreed to assess.' },
    DO_NOT_ASSESS: { description: 'SEN2 code N: the local authority decided not to assess; the family may appeal.' },
    PENDING: { description: 'SEN2 code A: no decision yet.' },
    WITHDRAWN: { description: 'SEN2 code W: the request was withdrawn before a decision.' },
  },
});

export enum PlanDecision {
  ISSUE = 'ISSUE',
  NO_PLAN = 'NO_PLAN',
}
registerEnumType(PlanDecision, {
  name: 'PlanDecision',
  description: 'What the local authority decided once it had assessed: to issue an EHC plan, or not to.',
  valuesConfig: {
    ISSUE: { description: 'A plan will be issued: a draft went to the family for 15 days of comment, then the final plan.' },
    NO_PLAN: { description: 'No plan: the family was told (by week 16) that the child’s needs can be met without one.' },
  },
});

/** SEND Regulations 2014, regulation 13(3): when the 20-week limit does not apply. */
export enum TimelinessException {
  SCHOOL_CLOSURE_PERIOD = 'SCHOOL_CLOSURE_PERIOD',
  EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_CHILD = 'EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_CHILD',
  EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_PARENT = 'EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_PARENT',
  ABSENT_FROM_AREA = 'ABSENT_FROM_AREA',
  APPOINTMENT_MISSED = 'APPOINTMENT_MISSED',
}
registerEnumType(TimelinessException, {
  name: 'TimelinessException',
  description:
    'A statutory exception to the 20-week time limit (SEND Regulations 2014, regulation 13(3)). A request with an exception is left out of the 20-week timeliness figures.',
  valuesConfig: {
    SCHOOL_CLOSURE_PERIOD: {
      description:
        "The local authority asked a school or college for advice in the week before it closed for 4 weeks or more (usually the summer holiday), or while it was closed, up to a week before it reopened.",
    },
    EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_CHILD: { description: 'Exceptional personal circumstances affected the child or young person, such as a long stay in hospital.' },
    EXCEPTIONAL_PERSONAL_CIRCUMSTANCES_PARENT: { description: "Exceptional personal circumstances affected the child's parent, such as bereavement or serious illness." },
    ABSENT_FROM_AREA: { description: "The child or young person, or the child's parent, was away from the local authority's area for 4 weeks or more in a row." },
    APPOINTMENT_MISSED: { description: 'The child or young person, or their parent, did not keep an appointment for an examination or a test the assessment needed.' },
  },
});

@Entity('ehc_request')
@ObjectType({
  description:
    'A request for an Education, Health and Care (EHC) needs assessment, as the local authority records it for the DfE SEN2 return: it starts the statutory clock (decision by week 6, draft plan or notice by week 16, final plan by week 20).',
})
export class EhcNeedsAssessmentRequest {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The request's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  childId: string;

  /** The child's locality when the request came in, for locality figures. */
  @Column('text')
  localityId: string;

  @Column('text')
  localAreaCode: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the local authority received the request: week 0 of the statutory clock.' })
  receivedDate: string;

  @Column('text')
  @Field(() => RequestedBy, { description: 'Who asked for the assessment.' })
  requestedBy: RequestedBy;

  @Column('char', { length: 1 })
  @Field(() => AssessmentDecision, { description: 'Whether the local authority decided to assess (SEN2 request outcome).' })
  decision: AssessmentDecision;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the decision to assess or not was made; empty while pending or if withdrawn first.' })
  decisionDate: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day health advice was asked for; it is due within 6 weeks of being asked for.' })
  healthAdviceRequestedDate: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the health advice arrived; empty while awaited.' })
  healthAdviceReceivedDate: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day social care advice was asked for; it is due within 6 weeks of being asked for.' })
  socialCareAdviceRequestedDate: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the social care advice arrived; empty while awaited.' })
  socialCareAdviceReceivedDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => PlanDecision, { nullable: true, description: 'The outcome of the assessment: issue a plan or not; empty until decided.' })
  planDecision: PlanDecision | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day the draft plan was sent to the family, or the day they were told no plan would be issued (due by week 16).',
  })
  noticeDate: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the final EHC plan was issued (due by week 20); empty until then.' })
  finalPlanDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => TimelinessException, { nullable: true, description: 'The statutory exception to the 20-week limit that applies, if any.' })
  exception: TimelinessException | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the request was withdrawn; empty unless it was.' })
  withdrawnDate: string | null;

  /** The SEND caseworker holding the request, a professional of the localities service; shown as `caseworker`. */
  @Index()
  @Column('uuid', { nullable: true })
  caseworkerId: string | null;

  @Column('int', { default: 1 })
  @Field(() => Int, { description: 'Raised by every change; send it back as `expectedVersion` when you change the request, so a change made meanwhile by someone else is not lost.' })
  version: number;
}
