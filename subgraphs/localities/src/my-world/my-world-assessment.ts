import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

/** What made the school complete a My World assessment (Walsall's locality triggers). */
export enum MyWorldTrigger {
  FIRST_SUSPENSION = 'FIRST_SUSPENSION',
  ALTERNATIVE_PROVISION_CONSIDERED = 'ALTERNATIVE_PROVISION_CONSIDERED',
  REDUCED_TIMETABLE = 'REDUCED_TIMETABLE',
  REQUEST_TO_HOME_EDUCATE = 'REQUEST_TO_HOME_EDUCATE',
  OTHER = 'OTHER',
}
registerEnumType(MyWorldTrigger, {
  name: 'MyWorldTrigger',
  description: 'What made the school complete a My World assessment and ask the locality for support.',
  valuesConfig: {
    FIRST_SUSPENSION: { description: "The child's first suspension." },
    ALTERNATIVE_PROVISION_CONSIDERED: { description: 'The school is considering alternative provision for the child.' },
    REDUCED_TIMETABLE: { description: 'The child is on, or about to go on, a reduced timetable.' },
    REQUEST_TO_HOME_EDUCATE: { description: 'The family asked to educate the child at home.' },
    OTHER: { description: 'Another reason, described in `triggerDetail`.' },
  },
});

/** One side of the My World triangle: what is going well and what is hard. */
@ObjectType({ description: 'One side of the My World triangle: what is going well (strengths) and what is hard (pressures).' })
export class MyWorldSide {
  @Field(() => String, { nullable: true, description: 'What is going well on this side of the child\'s world.' })
  strengths: string;

  @Field(() => String, { nullable: true, description: 'What is hard or worrying on this side of the child\'s world.' })
  pressures: string;
}

/**
 * A My World assessment: the school's picture of the child's world in the three sides
 * of the My World triangle, completed when the child reaches a trigger and sent to the
 * locality's single point of contact. Personal data: guarded like the register.
 */
@Entity('my_world_assessment')
@Index(['childId', 'completedOn'])
@Index(['localityId', 'completedOn'])
@Index(['completedByProfessionalId'])
@ObjectType({
  description:
    "A My World assessment: the school's picture of the child's world (how they grow and develop, what they need from the people who look after them, their wider world), each with strengths and pressures, completed when the child reached a trigger.",
})
export class MyWorldAssessment {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'The id of the assessment.' })
  id: string;

  @Column('uuid')
  childId: string;

  @Column('text')
  schoolUrn: string;

  @Column('text')
  localityId: string;

  @Column('text')
  @Field(() => MyWorldTrigger, { nullable: true, description: 'What made the school complete it.' })
  trigger: MyWorldTrigger;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The trigger in the school\'s words; always given when the trigger is OTHER.' })
  triggerDetail: string | null;

  @Column('text') growStrengths: string;
  @Column('text') growPressures: string;
  @Column('text') careStrengths: string;
  @Column('text') carePressures: string;
  @Column('text') worldStrengths: string;
  @Column('text') worldPressures: string;

  @Column('text')
  @Field(() => String, { nullable: true, description: 'Who completed it, as they signed it (name and role).' })
  completedBy: string;

  @Column('uuid', { nullable: true })
  completedByProfessionalId: string | null;

  @Column('date')
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was completed.' })
  completedOn: string;

  /** The sign-in subject of whoever submitted it. */
  @Column('text')
  submittedBy: string;
}
