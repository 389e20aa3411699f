import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

/**
 * One professional's place on one child's team around the child, from a day to a day.
 * Personal data (it says which services work with the child): guarded like the register.
 */
@Entity('team_membership')
@Index(['childId', 'startDate'])
@Index(['professionalId', 'startDate'])
@ObjectType({ description: "A professional's place on the team around a child: who, in what role, from when and until when." })
export class TeamMember {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'The id of this place on the team.' })
  id: string;

  @Column('uuid')
  childId: string;

  @Column('uuid')
  professionalId: string;

  @Column('text')
  @Field(() => String, { nullable: true, description: 'What they do for this child, e.g. "SENCO", "Speech and language therapist" or "Lead professional".' })
  teamRole: string;

  @Column('date')
  @Field(() => LocalDateScalar, { nullable: true, description: 'The first day they were on the team.' })
  startDate: string;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day they were on the team; empty while they still are.' })
  endDate: string | null;

  /** The sign-in subject of whoever added them (kept for the record; the audit has the rest). */
  @Column('text')
  addedBy: string;

  /** When the place was recorded: orders places that start on the same day. */
  @Column({ type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
