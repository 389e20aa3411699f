import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { SenNeedType } from '@local-area-graph/subgraph-kit';

export { SenNeedType };

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
