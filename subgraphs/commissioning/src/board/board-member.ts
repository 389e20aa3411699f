import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity('board_member')
@ObjectType({ description: "Someone who sits on the local area's SEND improvement board: they may rate its action plans' progress and decide its targets." })
export class BoardMember {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The membership's platform id." })
  id: string;

  @Column('text')
  localAreaCode: string;

  /** Their token's subject: how a write is matched to a member. Not shown: it is a login name. */
  @Column('text')
  subject: string;

  @Column('text')
  @Field(() => String, { description: 'Their name.' })
  name: string;

  @Column('text')
  @Field(() => String, { description: 'What they do for the board, e.g. "Workstream C lead".' })
  roleOnBoard: string;

  @Column('timestamptz')
  @Field(() => Date, { description: 'When they joined the board.' })
  appointedAt: Date;

  @Column('timestamptz', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When they left it; empty while they sit on it.' })
  endedAt: Date | null;
}
