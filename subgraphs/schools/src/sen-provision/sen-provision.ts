import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

/** School census SEN provision; the stored values are the census codes. */
export enum SenProvision {
  NO_SEN = 'N',
  SEN_SUPPORT = 'K',
  EHC_PLAN = 'E',
}
registerEnumType(SenProvision, {
  name: 'SenProvision',
  description: "The level of special educational needs provision a school records for a pupil (the school census 'SEN provision' item).",
  valuesConfig: {
    NO_SEN: { description: 'No special educational need (census code N): universal provision, good teaching for every child.' },
    SEN_SUPPORT: {
      description: 'SEN support (census code K): targeted provision under a SEND support plan following assess, plan, do, review, without an EHC plan.',
    },
    EHC_PLAN: { description: 'An education, health and care plan (census code E): specialist provision the local authority has agreed in a plan.' },
  },
});

/** SEN need type codes (SEN2 and the school census). */
export enum SenNeedType {
  SPLD = 'SPLD',
  MLD = 'MLD',
  SLD = 'SLD',
  PMLD = 'PMLD',
  SEMH = 'SEMH',
  SLCN = 'SLCN',
  HI = 'HI',
  VI = 'VI',
  MSI = 'MSI',
  PD = 'PD',
  ASD = 'ASD',
  OTH = 'OTH',
  NSA = 'NSA',
}
registerEnumType(SenNeedType, {
  name: 'SenNeedType',
  description: "A type of special educational need, by its DfE code (used in the school census and the SEN2 return).",
  valuesConfig: {
    SPLD: { description: 'Specific learning difficulty, such as dyslexia, dyscalculia or dyspraxia (cognition and learning).' },
    MLD: { description: 'Moderate learning difficulty (cognition and learning).' },
    SLD: { description: 'Severe learning difficulty (cognition and learning).' },
    PMLD: { description: 'Profound and multiple learning difficulty (cognition and learning).' },
    SEMH: { description: 'Social, emotional and mental health needs.' },
    SLCN: { description: 'Speech, language and communication needs (communication and interaction).' },
    HI: { description: 'Hearing impairment (sensory and/or physical).' },
    VI: { description: 'Visual impairment (sensory and/or physical).' },
    MSI: { description: 'Multi-sensory impairment (sensory and/or physical).' },
    PD: { description: 'Physical disability (sensory and/or physical).' },
    ASD: { description: 'Autistic spectrum disorder (communication and interaction).' },
    OTH: { description: 'Another difficulty or disability not listed.' },
    NSA: {
      description: 'SEN support but no specialist assessment of the type of need yet. School census only, and only with SEN support (K).',
    },
  },
});

@Entity('sen_provision')
@ObjectType({
  description:
    "A period of a pupil's SEN provision as their school records it: the level (no SEN, SEN support or EHC plan) and their primary and secondary need, from a start date until it changes.",
})
export class SenProvisionStatus {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  childId: string;

  @Index()
  @Column('text')
  schoolUrn: string;

  @Column('char', { length: 1 })
  @Field(() => SenProvision, { description: 'The level of SEN provision: no SEN, SEN support or an EHC plan.' })
  provision: SenProvision;

  @Column('text', { nullable: true })
  @Field(() => SenNeedType, { nullable: true, description: "The pupil's main type of need; empty when they have no SEN." })
  primaryNeed: SenNeedType | null;

  @Column('text', { nullable: true })
  @Field(() => SenNeedType, { nullable: true, description: 'A second type of need, when the school has recorded one.' })
  secondaryNeed: SenNeedType | null;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The date this provision started (parents must be told when SEN provision starts).' })
  startDate: string;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date this provision ended or changed; empty while it is current.' })
  endDate: string | null;
}
