import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum LeadEndReason {
  HANDED_OVER = 'HANDED_OVER',
  LEFT_TEAM = 'LEFT_TEAM',
  SUPPORT_ENDED = 'SUPPORT_ENDED',
}
registerEnumType(LeadEndReason, {
  name: 'LeadEndReason',
  description: 'Why a professional stopped being the lead professional for a child.',
  valuesConfig: {
    HANDED_OVER: { description: 'Another professional was appointed lead in their place.' },
    LEFT_TEAM: { description: 'They left the team around the child.' },
    SUPPORT_ENDED: { description: "The locality's coordinated support ended with an outcome." },
  },
});

/**
 * One spell as a child's lead professional: from `appointedAt` up to (not including)
 * `endedAt`, when the next lead took over or the support ended. At most one spell per
 * child is open, enforced by a unique index.
 */
@Entity('lead_professional_appointment')
@Index(['childId', 'appointedAt'])
@Index(['professionalId'])
@ObjectType({ description: "A spell as a child's lead professional: the one professional who coordinates the team around the child and is the family's point of contact." })
export class LeadProfessionalAppointment {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'The id of this appointment.' })
  id: string;

  @Column('uuid')
  childId: string;

  @Column('uuid')
  professionalId: string;

  @Column('timestamptz')
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When they became lead professional.' })
  appointedAt: Date;

  @Column('timestamptz', { nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When they stopped being lead professional; empty while they still are.' })
  endedAt: Date | null;

  @Column('text')
  @Field(() => String, { nullable: true, description: 'Who appointed them: the person named in their sign-in.' })
  appointedBy: string;

  @Column('text', { nullable: true })
  @Field(() => LeadEndReason, { nullable: true, description: 'Why the appointment ended; empty while it is current.' })
  endReason: LeadEndReason | null;
}
