import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { BoardScope } from '../board/board-scope.js';

@Entity('workstream')
@ObjectType({
  description:
    "A workstream of the local area's SEND improvement plan (Kent grouped its nine areas of weakness into five: A parental engagement and co-production, B inclusive practice and outcomes, C quality and timeliness of EHC plans, D joint commissioning and governance, E service provision and waiting times), with its measures and its action plan.",
})
export class Workstream {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The workstream's platform id." })
  id: string;

  @Index()
  @Column('text')
  localAreaCode: string;

  @Column('text')
  @Field(() => String, { description: 'Its letter in the plan, e.g. "C".' })
  letter: string;

  @Column('text')
  @Field(() => String, { description: 'What it is about, e.g. "Quality of EHC plans and timeliness".' })
  title: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'What it sets out to change, in the board\'s words; empty when the board has not written it down.' })
  description: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Who leads it for the board, e.g. "Assistant Director, SEND"; empty until the board names someone.' })
  lead: string | null;

  @Column('integer')
  @Field(() => Int, { description: 'Changes with every change to its title, description or lead; send it back as `expectedVersion` so that a change made on a stale read is refused.' })
  version: number;

  @Column('timestamptz', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the board retired it (kept for the history, no longer on the board); empty while it is current.' })
  retiredAt: Date | null;

  /** The board this workstream is shown on (area or locality), with the owners' figures; not a column. */
  board?: BoardScope;
}

@Entity('area_of_weakness')
@ObjectType({ description: 'An area of weakness an inspection found, which a workstream answers.' })
export class AreaOfWeakness {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The area of weakness's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  workstreamId: string;

  @Column('smallint')
  @Field(() => Int, { description: 'Its number in the inspection findings, e.g. 6.' })
  number: number;

  @Column('text')
  @Field(() => String, { description: 'The weakness, as the inspection put it.' })
  description: string;

  @Column('timestamptz', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the board retired it; empty while it is current.' })
  retiredAt: Date | null;
}
