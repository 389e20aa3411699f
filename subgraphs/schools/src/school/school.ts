import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UrnScalar } from '@local-area-graph/identifiers';

/** Get Information About Schools phase of education. */
export enum SchoolPhase {
  NURSERY = 'NURSERY',
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  ALL_THROUGH = 'ALL_THROUGH',
  SPECIAL = 'SPECIAL',
  ALTERNATIVE_PROVISION = 'ALTERNATIVE_PROVISION',
}
registerEnumType(SchoolPhase, {
  name: 'SchoolPhase',
  description: 'The phase of education a school provides, as recorded on Get Information About Schools.',
  valuesConfig: {
    NURSERY: { description: 'A nursery school: early years, before reception.' },
    PRIMARY: { description: 'A primary, infant or junior school (reception to year 6).' },
    SECONDARY: { description: 'A secondary school (year 7 upwards, with or without a sixth form).' },
    ALL_THROUGH: { description: 'An all-through school teaching both primary and secondary pupils.' },
    SPECIAL: { description: 'A special school for pupils whose needs are set out in an EHC plan.' },
    ALTERNATIVE_PROVISION: { description: 'Alternative provision, such as a pupil referral unit, for pupils who cannot attend a mainstream school.' },
  },
});

/** Get Information About Schools establishment type group. */
export enum SchoolType {
  LA_MAINTAINED = 'LA_MAINTAINED',
  ACADEMY = 'ACADEMY',
  FREE_SCHOOL = 'FREE_SCHOOL',
  SPECIAL_SCHOOL = 'SPECIAL_SCHOOL',
  PUPIL_REFERRAL_UNIT = 'PUPIL_REFERRAL_UNIT',
  INDEPENDENT = 'INDEPENDENT',
}
registerEnumType(SchoolType, {
  name: 'SchoolType',
  description: 'Who runs the school and how it is funded: the establishment type group on Get Information About Schools.',
  valuesConfig: {
    LA_MAINTAINED: { description: 'A community, foundation, voluntary aided or voluntary controlled school maintained by the local authority.' },
    ACADEMY: { description: 'An academy, funded directly by the Department for Education and run by an academy trust.' },
    FREE_SCHOOL: { description: 'A free school: a new academy set up by a trust, including special and alternative provision free schools.' },
    SPECIAL_SCHOOL: { description: 'A maintained or non-maintained special school.' },
    PUPIL_REFERRAL_UNIT: { description: 'A pupil referral unit run by the local authority for pupils out of mainstream school.' },
    INDEPENDENT: { description: 'An independent school, including independent special schools the local authority places pupils in.' },
  },
});

@Entity('school')
@Index(['localityId', 'name'])
@ObjectType({
  description:
    'A school or other education setting in the local area: the school a pupil is on roll at, where their attendance is recorded and who suspends or excludes them.',
})
@Directive('@key(fields: "urn")')
export class School {
  @PrimaryColumn('text')
  @Field(() => UrnScalar, { description: "The school's unique reference number (URN) on Get Information About Schools." })
  urn: string;

  @Column('text')
  @Field(() => String, { description: 'The name of the school.' })
  name: string;

  @Column('text')
  @Field(() => SchoolPhase, { description: 'The phase of education the school provides.' })
  phase: SchoolPhase;

  @Column('text')
  @Field(() => SchoolType, { description: 'Who runs the school: local authority maintained, academy, free school and so on.' })
  type: SchoolType;

  @Column('text')
  @Field(() => String, {
    description: 'The 4-digit establishment number the Department for Education gives the school within its local authority, e.g. "2001".',
  })
  establishmentNumber: string;

  /** The local authority's 3-digit DfE number, kept so the DfE number can be shown without asking another service. */
  @Column('smallint')
  laNumber: number;

  @Column('text')
  localAreaCode: string;

  @Column('text')
  localityId: string;

  @Column('smallint')
  @Field(() => Int, { description: 'The youngest statutory age the school teaches.' })
  statutoryLowAge: number;

  @Column('smallint')
  @Field(() => Int, { description: 'The oldest statutory age the school teaches.' })
  statutoryHighAge: number;
}
