import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

/** SEN2 annual review outcome; the stored values are the SEN2 codes. */
export enum AnnualReviewOutcome {
  AMEND = 'A',
  CEASE = 'C',
  MAINTAIN = 'M',
}
registerEnumType(AnnualReviewOutcome, {
  name: 'AnnualReviewOutcome',
  description: "What the local authority decided after a plan's annual review (the SEN2 review outcome).",
  valuesConfig: {
    AMEND: { description: 'SEN2 code A: amend the plan, because the child’s needs or provision have changed.' },
    CEASE: { description: 'SEN2 code C: cease the plan, because it is no longer needed.' },
    MAINTAIN: { description: 'SEN2 code M: keep the plan as it is.' },
  },
});

@Entity('annual_review')
@ObjectType({ description: 'An annual review of an EHC plan: the meeting, held at least every 12 months, and what the local authority decided after it.' })
export class AnnualReview {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The review's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  planId: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day of the review meeting.' })
  meetingDate: string;

  @Column('char', { length: 1 })
  @Field(() => AnnualReviewOutcome, { description: 'Amend, cease or maintain the plan.' })
  outcome: AnnualReviewOutcome;
}
