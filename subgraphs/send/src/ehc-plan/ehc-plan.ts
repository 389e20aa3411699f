import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { SenNeedType } from './sen-need-type.js';

/** Why a plan ceased, after the SEN2 reasons for ceasing to maintain a plan. */
export enum CeaseReason {
  MAXIMUM_AGE = 'MAXIMUM_AGE',
  NEEDS_MET_WITHOUT_PLAN = 'NEEDS_MET_WITHOUT_PLAN',
  HIGHER_EDUCATION = 'HIGHER_EDUCATION',
  PAID_EMPLOYMENT = 'PAID_EMPLOYMENT',
  TRANSFERRED_TO_ANOTHER_LA = 'TRANSFERRED_TO_ANOTHER_LA',
  NO_LONGER_ENGAGING = 'NO_LONGER_ENGAGING',
  MOVED_OUTSIDE_ENGLAND = 'MOVED_OUTSIDE_ENGLAND',
  DECEASED = 'DECEASED',
  OTHER = 'OTHER',
}
registerEnumType(CeaseReason, {
  name: 'EhcPlanCeaseReason',
  description: 'Why the local authority stopped maintaining an EHC plan (the reasons of the SEN2 return).',
  valuesConfig: {
    MAXIMUM_AGE: { description: 'The young person reached the end of the academic year in which they turned 25.' },
    NEEDS_MET_WITHOUT_PLAN: { description: 'Their education or training needs are now met without a plan.' },
    HIGHER_EDUCATION: { description: 'The young person moved on to higher education (a plan does not continue into university).' },
    PAID_EMPLOYMENT: { description: 'The young person moved on to paid employment (not an apprenticeship).' },
    TRANSFERRED_TO_ANOTHER_LA: { description: 'The family moved and the plan transferred to another local authority in England.' },
    NO_LONGER_ENGAGING: { description: 'The young person (16 or over) no longer wishes to take part in education or training.' },
    MOVED_OUTSIDE_ENGLAND: { description: 'The child or young person moved outside England.' },
    DECEASED: { description: 'The child or young person died.' },
    OTHER: { description: 'Another reason.' },
  },
});

@Entity('ehc_plan')
@ObjectType({
  description:
    "A child's Education, Health and Care (EHC) plan: the local authority's legal commitment to the special educational provision, health and care the child needs, naming the school or setting they attend.",
})
export class EhcPlan {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The plan's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  childId: string;

  /** Empty for a plan transferred in from another local authority. */
  @Column('uuid', { nullable: true })
  requestId: string | null;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the plan started (on or after the final plan was issued).' })
  startDate: string;

  @Column('text')
  @Field(() => SenNeedType, { description: "The child's main type of need, as the plan records it." })
  primaryNeed: SenNeedType;

  @Column('text', { nullable: true })
  @Field(() => SenNeedType, { nullable: true, description: 'A second type of need, when the plan records one.' })
  secondaryNeed: SenNeedType | null;

  /** The URN of the school named in the plan; shown as `placement`. */
  @Index()
  @Column('text', { nullable: true })
  placementUrn: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the plan ceased; empty while it is maintained.' })
  ceaseDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => CeaseReason, { nullable: true, description: 'Why the plan ceased; empty while it is maintained.' })
  ceaseReason: CeaseReason | null;
}
