import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import type { ReferralUpdateKind } from './referrals.inputs.js';

/** The report as kept with an applied batch (rows added later: older batches have none). */
export interface StoredReport {
  applied: boolean;
  accepted: number;
  refused: { index: number; field: string; reason: string }[];
  rows?: { index: number; kind: ReferralUpdateKind; entryId: string }[];
}

/**
 * An applied batch of referral updates, kept by idempotency key and sender so that the
 * same batch sent again is answered from here and applied once. A refused batch is not
 * kept: nothing was written. Holds no child's identifier, only entry ids.
 */
@Entity('referral_batch')
@ObjectType({ description: 'A batch of waiting-list updates that was applied: who sent it, when, and its report row by row.' })
export class ReferralBatch {
  @PrimaryColumn('text')
  @Field(() => String, { description: 'The key the sender gave the batch.' })
  idempotencyKey: string;

  @PrimaryColumn('text')
  @Field(() => String, { description: 'Who sent it: the person or system named in their sign-in token.' })
  submitter: string;

  @Column('text', { nullable: true })
  @Field(() => ID, { nullable: true, description: 'The partner organisation it came from (e.g. the trust\'s ODS code "RXY"); empty when a clinician or an administrator sent it.' })
  partnerId: string | null;

  @Column({ type: 'char', length: 64 })
  rowsHash: string;

  @Column('jsonb')
  report: StoredReport;

  @Column({ type: 'timestamptz', insert: false, update: false })
  @Field(() => GraphQLISODateTime, { description: 'When it was applied.' })
  submittedAt: Date;
}
