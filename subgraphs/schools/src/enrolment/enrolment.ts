import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

@Entity('enrolment')
@ObjectType({
  description:
    "A spell on a school's roll: when the child joined the school and, once they have left, when they left. A child who is dual registered has two current enrolments.",
})
export class Enrolment {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The enrolment's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  childId: string;

  @Column('text')
  schoolUrn: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The date the child joined the school roll.' })
  startDate: string;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The date the child left, or is due to leave, the school roll; empty while they stay on roll.',
  })
  endDate: string | null;

  /** The locality of the pupil's home address, as the census returned it with this enrolment (not public). */
  @Column('text', { nullable: true })
  homeLocalityId: string | null;
}
