import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Term {
  AUTUMN = 'AUTUMN',
  SPRING = 'SPRING',
  SUMMER = 'SUMMER',
}
registerEnumType(Term, {
  name: 'Term',
  description: 'A term of the school year, as the school census collects attendance.',
  valuesConfig: {
    AUTUMN: { description: 'The autumn term: September to December.' },
    SPRING: { description: 'The spring term: January to Easter.' },
    SUMMER: { description: 'The summer term: Easter to July.' },
  },
});

/** Terms in the order they happen in a school year, for sorting newest first. */
export const TERM_ORDER: readonly Term[] = [Term.AUTUMN, Term.SPRING, Term.SUMMER];

@Entity('term_attendance')
@Index(['childId', 'academicYear', 'term', 'schoolUrn'], { unique: true })
@ObjectType({
  description:
    "One child's attendance at one school over one term, counted in sessions (half days) as the school census records it.",
})
export class TermAttendance {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  childId: string;

  @Column('text')
  schoolUrn: string;

  @Column('text')
  @Field(() => String, { description: 'The academic year, e.g. "2025/26".' })
  academicYear: string;

  @Column('text')
  @Field(() => Term, { description: 'The term.' })
  term: Term;

  @Column('integer')
  @Field(() => Int, { description: 'Sessions (half days) the school was open to the child in the term: the possible sessions.' })
  sessionsPossible: number;

  @Column('integer')
  @Field(() => Int, { description: 'Sessions missed with the school\'s permission, such as illness or medical appointments.' })
  authorisedAbsence: number;

  @Column('integer')
  @Field(() => Int, {
    description: 'Sessions missed without permission, including unauthorised holidays and late arrival after registers close.',
  })
  unauthorisedAbsence: number;
}

@ObjectType({
  description:
    "A child's attendance so far in one academic year, across every term and school: the figure used to spot persistent absence.",
})
export class AttendanceSummary {
  @Field(() => String, { description: 'The academic year summed, e.g. "2026/27".' })
  academicYear: string;

  @Field(() => Int, { description: 'Possible sessions (half days) so far this year.' })
  sessionsPossible: number;

  @Field(() => Int, { description: 'Sessions missed so far this year, authorised and unauthorised together.' })
  sessionsMissed: number;

  @Field(() => Float, { description: 'The share of possible sessions missed, from 0 to 1 (0.1 is 10%).' })
  absenceRate: number;

  @Field(() => Boolean, {
    description: 'True when the child has missed 10% or more of possible sessions: the DfE definition of persistent absence.',
  })
  persistentlyAbsent: boolean;
}
