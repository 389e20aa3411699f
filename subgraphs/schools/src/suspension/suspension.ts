import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

/** School census exclusion category. */
export enum SuspensionCategory {
  PERM = 'PERM',
  FIXD = 'FIXD',
  LNCH = 'LNCH',
}
registerEnumType(SuspensionCategory, {
  name: 'SuspensionCategory',
  description: 'The kind of suspension or exclusion, by its school census category code.',
  valuesConfig: {
    PERM: { description: 'Permanent exclusion: the child is removed from the school roll.' },
    FIXD: { description: 'Suspension (fixed period): the child is sent home for a set number of sessions.' },
    LNCH: { description: 'Lunchtime suspension: the child is sent off site over lunchtime.' },
  },
});

@ObjectType({ description: 'One reason the school gave for a suspension or exclusion, with its DfE code.' })
export class SuspensionReason {
  @Field(() => String, { description: 'The DfE reason code, e.g. "PD".' })
  code: string;

  @Field(() => String, { description: 'What the code means, e.g. "Persistent or general disruptive behaviour".' })
  description: string;
}

@Entity('suspension')
@ObjectType({
  description:
    'A suspension or permanent exclusion from school, as recorded in the school census: a trigger for a My World assessment and a conversation with the locality team.',
})
export class Suspension {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The suspension's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  childId: string;

  @Index()
  @Column('text')
  schoolUrn: string;

  @Column('text')
  @Field(() => SuspensionCategory, { description: 'Permanent exclusion, suspension or lunchtime suspension.' })
  category: SuspensionCategory;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The first day of the suspension or exclusion.' })
  startDate: string;

  @Column('integer')
  @Field(() => Int, {
    description: 'Sessions (half days) of school lost. A permanent exclusion counts the sessions from its start to the end of term.',
  })
  sessions: number;

  /** One to three DfE reason codes; shown through `reasons` with their descriptions. */
  @Column('text', { array: true, name: 'reasons' })
  reasonCodes: string[];
}
