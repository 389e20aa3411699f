import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, NhsNumberScalar, UpnScalar } from '@local-area-graph/identifiers';

/** Stored as the school census codes F, M and U. */
export enum Sex {
  FEMALE = 'F',
  MALE = 'M',
  NOT_KNOWN = 'U',
}
registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex as recorded on the child register (school census codes F, M; U when not known).',
  valuesConfig: {
    FEMALE: { description: 'Female (census code F).' },
    MALE: { description: 'Male (census code M).' },
    NOT_KNOWN: { description: 'Not known or not recorded (code U).' },
  },
});

@Entity('child')
@Index(['familyName', 'givenName', 'id'])
@Index(['localityId', 'familyName', 'givenName', 'id'])
@ObjectType({
  description:
    "A child or young person on the local area's child register. Each agency adds what it knows: school, SEND, health and the team around the child. Personal fields are empty, with a FORBIDDEN error, for anyone who may not see this child.",
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "nhsNumber")')
export class Child {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The child's platform id, shared by every service on this platform." })
  id: string;

  @Column('char', { length: 10, unique: true })
  @Field(() => NhsNumberScalar, {
    nullable: true,
    description: "The child's NHS number: the identifier health services know the child by.",
  })
  nhsNumber: string;

  @Column('char', { length: 13, unique: true, nullable: true })
  @Field(() => UpnScalar, {
    nullable: true,
    description: "The child's unique pupil number (UPN); empty until the child starts school.",
  })
  upn: string | null;

  @Column('text')
  @Field(() => String, { nullable: true, description: "The child's first name." })
  givenName: string;

  @Column('text')
  @Field(() => String, { nullable: true, description: "The child's surname." })
  familyName: string;

  @Column('date')
  @Field(() => LocalDateScalar, { nullable: true, description: "The child's date of birth." })
  dateOfBirth: string;

  @Column('char', { length: 1 })
  @Field(() => Sex, { nullable: true, description: "The child's sex as recorded on the register." })
  sex: Sex;

  @Column('text')
  localityId: string;

  /** The school the register records the child at (from the school census); decides a SENCO's access here. */
  @Column('text', { nullable: true })
  schoolUrn: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
