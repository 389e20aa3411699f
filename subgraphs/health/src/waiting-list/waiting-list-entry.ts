import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';

export enum ReferralPriority {
  ROUTINE = 'ROUTINE',
  URGENT = 'URGENT',
}
registerEnumType(ReferralPriority, {
  name: 'ReferralPriority',
  description: 'How urgently the referrer asked for the child to be seen.',
  valuesConfig: {
    ROUTINE: { description: 'Seen in turn.' },
    URGENT: { description: 'Marked urgent by the referrer or at triage.' },
  },
});

export enum RemovalReason {
  NO_LONGER_REQUIRED = 'NO_LONGER_REQUIRED',
  DID_NOT_ATTEND = 'DID_NOT_ATTEND',
  MOVED_AWAY = 'MOVED_AWAY',
  TRANSFERRED = 'TRANSFERRED',
  OTHER = 'OTHER',
}
registerEnumType(RemovalReason, {
  name: 'WaitingListRemovalReason',
  description: 'Why a child left a waiting list without being seen.',
  valuesConfig: {
    NO_LONGER_REQUIRED: { description: 'The family or referrer said the service is no longer needed.' },
    DID_NOT_ATTEND: { description: 'The child was not brought to the first appointment offered, and was discharged.' },
    MOVED_AWAY: { description: "The family moved out of the trust's area." },
    TRANSFERRED: { description: 'The referral was passed to another service or provider.' },
    OTHER: { description: 'Another reason.' },
  },
});

export enum WaitStatus {
  WAITING = 'WAITING',
  SEEN = 'SEEN',
  REMOVED = 'REMOVED',
}
registerEnumType(WaitStatus, {
  name: 'WaitStatus',
  description: 'Where a wait stands.',
  valuesConfig: {
    WAITING: { description: 'Referred and not yet seen: the clock is running.' },
    SEEN: { description: 'The first contact or assessment happened: the clock stopped.' },
    REMOVED: { description: 'Taken off the list without being seen.' },
  },
});

/** A wait for a service: clock start at referral, clock stop at first contact, or a removal. */
@Entity('waiting_list_entry')
@ObjectType({ description: "A child's wait for a community or specialist health service, from referral (clock start) to first contact (clock stop) or removal." })
export class WaitingListEntry {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The waiting-list entry's id, used to record its clock stop or removal." })
  id: string;

  @Column('char', { length: 10 })
  nhsNumber: string;

  /** Computed by the database from the NHS number (see child/child-key.ts); never written. */
  @Column({ type: 'uuid', insert: false, update: false })
  childKey: string;

  @Column('text')
  serviceCode: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the referral was received: the clock starts.' })
  referralDate: string;

  @Column('text')
  @Field(() => ReferralPriority, { description: 'Routine or urgent.' })
  priority: ReferralPriority;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of the first contact or assessment: the clock stops. Empty while waiting or when removed.' })
  firstContactDate: string | null;

  @Column('date', { nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the child was taken off the list without being seen; empty otherwise.' })
  removalDate: string | null;

  @Column('text', { nullable: true })
  @Field(() => RemovalReason, { nullable: true, description: 'Why the child was taken off the list; empty unless removed.' })
  removalReason: RemovalReason | null;

  /** The locality the child lived in when referred; figures are reported under it. */
  @Column('text')
  localityId: string;

  @Column('text')
  localAreaCode: string;

  @Column('text')
  @Field(() => ID, {
    description:
      'The partner organisation that sent this entry: the partner id its feed signs in with, an NHS trust\'s ODS code such as "RXY". Entries a service\'s own clinicians or an administrator record are the providing trust\'s.',
  })
  partnerId: string;
}

export const statusOf = (entry: Pick<WaitingListEntry, 'firstContactDate' | 'removalDate'>): WaitStatus =>
  entry.firstContactDate ? WaitStatus.SEEN : entry.removalDate ? WaitStatus.REMOVED : WaitStatus.WAITING;

const DAY = 86_400_000;

/** Days from referral to the clock stop, the removal, or `asOf` when still waiting then (never below 0). */
export function daysWaited(entry: Pick<WaitingListEntry, 'referralDate' | 'firstContactDate' | 'removalDate'>, asOf: string): number {
  const ended = entry.firstContactDate ?? entry.removalDate;
  const end = ended && ended <= asOf ? ended : asOf;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(entry.referralDate)) / DAY));
}

/** Whole weeks from referral to the clock stop, the removal, or `asOf` when still waiting then (never below 0). */
export function weeksWaited(entry: Pick<WaitingListEntry, 'referralDate' | 'firstContactDate' | 'removalDate'>, asOf: string): number {
  return Math.floor(daysWaited(entry, asOf) / 7);
}

/**
 * Whether a wait of `days` breaches a standard of `standardWeeks`: a standard is met when
 * the clock stops within it, on or before day 7 × weeks (the RTT standard counts "no more
 * than 18 weeks" as met, NICE QS51 an assessment started "within 13 weeks"), so a wait
 * breaches from the day after: day 127 for 18 weeks, day 92 for 13. Null when the
 * service has no standard, because "not breached" would claim one was met.
 */
export function breaches(days: number, standardWeeks: number | null): boolean | null {
  return standardWeeks === null ? null : days > standardWeeks * 7;
}
