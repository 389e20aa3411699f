import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Agency {
  SCHOOL = 'SCHOOL',
  SEND_SERVICE = 'SEND_SERVICE',
  HEALTH_SERVICE = 'HEALTH_SERVICE',
  SOCIAL_CARE = 'SOCIAL_CARE',
  EARLY_HELP = 'EARLY_HELP',
  YOUTH_JUSTICE = 'YOUTH_JUSTICE',
  VOLUNTARY_SECTOR = 'VOLUNTARY_SECTOR',
}
registerEnumType(Agency, {
  name: 'Agency',
  description: 'The kind of organisation a professional works for.',
  valuesConfig: {
    SCHOOL: { description: 'A school or other education setting.' },
    SEND_SERVICE: { description: "The local authority's SEND service (caseworkers, educational psychologists)." },
    HEALTH_SERVICE: { description: 'An NHS or other health service.' },
    SOCIAL_CARE: { description: "Children's social care." },
    EARLY_HELP: { description: 'Early help and the locality team, including inclusion support leads.' },
    YOUTH_JUSTICE: { description: 'The youth justice service.' },
    VOLUNTARY_SECTOR: { description: 'A voluntary or community sector organisation.' },
  },
});

@Entity('professional')
@ObjectType({ description: 'A professional who may work with children: a SENCO, a caseworker, a therapist, an inclusion support lead.' })
@Directive('@key(fields: "id")')
export class Professional {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The professional's platform id." })
  id: string;

  @Column('text')
  @Field(() => String, { description: "The professional's first name." })
  givenName: string;

  @Column('text')
  @Field(() => String, { description: "The professional's surname." })
  familyName: string;

  @Column('text')
  @Field(() => String, { description: 'Their role, e.g. "SENCO" or "Inclusion support lead".' })
  role: string;

  @Column('text')
  @Field(() => Agency, { description: 'The kind of organisation they work for.' })
  agency: Agency;

  @Column('text')
  @Field(() => String, { description: 'Their work email address.' })
  email: string;

  @Index()
  @Column('text', { nullable: true })
  localityId: string | null;

  /**
   * The identity provider's subject (the token's `sub`) they sign in with: how a
   * request is matched to their place on children's teams. Not published.
   */
  @Column('text', { nullable: true, unique: true })
  subject: string | null;
}
