import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LaCodeScalar, LocalDateScalar } from '@local-area-graph/identifiers';
import { ReferralPriority, RemovalReason } from '../waiting-list/waiting-list-entry.js';

export enum ReferralUpdateKind {
  NEW_REFERRAL = 'NEW_REFERRAL',
  CLOCK_STOP = 'CLOCK_STOP',
  REMOVAL = 'REMOVAL',
}
registerEnumType(ReferralUpdateKind, {
  name: 'ReferralUpdateKind',
  description: 'What one row of a referral batch records.',
  valuesConfig: {
    NEW_REFERRAL: { description: 'A new referral: nhsNumber, serviceCode, referralDate, priority, localityId and localAreaCode.' },
    CLOCK_STOP: { description: 'The first contact or assessment of a waiting entry: entryId and firstContactDate.' },
    REMOVAL: { description: 'A waiting entry taken off the list without being seen: entryId, removalDate and reason.' },
  },
});

@InputType({ description: 'One row of a referral batch; which fields it needs depends on its kind.' })
export class ReferralUpdateInput {
  @Field(() => ReferralUpdateKind, { description: 'What the row records.' })
  kind: ReferralUpdateKind;

  @Field(() => String, { nullable: true, description: "NEW_REFERRAL: the child's NHS number (10 digits, valid modulus 11)." })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'NEW_REFERRAL: the service referred to, e.g. "SALT".' })
  serviceCode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'NEW_REFERRAL: the day the referral was received (clock start); not in the future.' })
  referralDate?: string | null;

  @Field(() => ReferralPriority, { nullable: true, description: 'NEW_REFERRAL: routine or urgent; routine when left out.' })
  priority?: ReferralPriority | null;

  @Field(() => ID, { nullable: true, description: 'NEW_REFERRAL: the locality the child lives in, e.g. "dartford".' })
  localityId?: string | null;

  @Field(() => LaCodeScalar, { nullable: true, description: 'NEW_REFERRAL: the ONS code of the local area the child lives in.' })
  localAreaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'CLOCK_STOP and REMOVAL: the waiting-list entry, still waiting.' })
  entryId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'CLOCK_STOP: the day of the first contact; on or after referral, not in the future.' })
  firstContactDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'REMOVAL: the day the entry left the list; on or after referral, not in the future.' })
  removalDate?: string | null;

  @Field(() => RemovalReason, { nullable: true, description: 'REMOVAL: why it left the list.' })
  reason?: RemovalReason | null;
}

@InputType({ description: "A partner's batch of waiting-list updates: applied whole or not at all." })
export class ReferralBatchInput {
  @Field(() => String, { description: 'A key the sender makes up for this batch; sending the same batch again under it applies nothing and returns the first answer.' })
  idempotencyKey: string;

  @Field(() => [ReferralUpdateInput], { description: 'The rows, in order; at most 5000.' })
  rows: ReferralUpdateInput[];
}

@ObjectType({ description: 'A problem with one row of a referral batch.' })
export class RefusedRow {
  @Field(() => Int, { description: 'The row, counted from 0.' })
  index: number;

  @Field(() => String, { description: 'The field at fault, e.g. "nhsNumber".' })
  field: string;

  @Field(() => String, { description: 'What is wrong with it.' })
  reason: string;
}

@ObjectType({ description: 'One row of an applied referral batch: the waiting-list entry it created or changed.' })
export class AppliedRow {
  @Field(() => Int, { description: 'The row, counted from 0.' })
  index: number;

  @Field(() => ReferralUpdateKind, { description: 'What the row recorded.' })
  kind: ReferralUpdateKind;

  @Field(() => ID, { description: 'The waiting-list entry: the new one for a new referral (keep it to send its clock stop or removal later), else the one updated.' })
  entryId: string;
}

@ObjectType({ description: "What happened to a referral batch: applied whole, or refused whole with every row's problems." })
export class ReferralBatchReport {
  @Field(() => Boolean, { description: 'True when every row was written; false when any row was refused, and then nothing was written.' })
  applied: boolean;

  @Field(() => Boolean, { description: 'True when this batch was already applied under the same idempotency key: this is the first answer again, and nothing new was written.' })
  replayed: boolean;

  @Field(() => Int, { description: 'Rows that passed every check (all of them when applied).' })
  accepted: number;

  @Field(() => [RefusedRow], { description: 'Every problem found, row by row; empty when applied.' })
  refused: RefusedRow[];

  @Field(() => [AppliedRow], { description: 'Every row as written, in order, with its waiting-list entry; empty when refused.' })
  rows: AppliedRow[];
}
