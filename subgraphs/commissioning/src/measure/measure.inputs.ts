import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { MeasureKind, TargetDirection } from './measure-kind.js';

@InputType({ description: 'A target for a measure, for the whole area or one locality.' })
export class SetMeasureTargetInput {
  @Field(() => ID, { description: "The measure's platform id." })
  measureId: string;

  @Field(() => ID, { nullable: true, description: 'The locality the target is for, e.g. "dartford"; leave out for the whole area.' })
  localityId?: string | null;

  @Field(() => Float, { description: 'The target: a share from 0 to 1 for a share (0.6 for 60%), a whole number for a count.' })
  value: number;

  @Field(() => Float, {
    description: 'The amber threshold, in the same unit: short of the target but no worse than this is AMBER. On the worse side of the target (or equal to it, for no amber band).',
  })
  amberThreshold: number;

  @Field(() => TargetDirection, { description: 'Whether the target is met at or above it, or at or below it.' })
  direction: TargetDirection;

  @Field(() => LocalDateScalar, { description: 'The day it is to be met by: today or later.' })
  byDate: string;

  @Field(() => String, { description: 'Why the board set it, at most 2,000 characters; kept with the target.' })
  reason: string;
}

@InputType({ description: "A new measure of a workstream, bound to a figure another service owns: the board then sets its targets (setMeasureTarget) and the board's view rates it on the owner's figures." })
export class AddMeasureInput {
  @Field(() => ID, { description: "The workstream's platform id." })
  workstreamId: string;

  @Field(() => ID, { nullable: true, description: 'The area of weakness it tracks, one of the workstream\'s current ones; leave out when it tracks the workstream as a whole.' })
  areaOfWeaknessId?: string | null;

  @Field(() => MeasureKind, { description: 'The figure it is bound to.' })
  kind: MeasureKind;

  @Field(() => String, { description: 'What the board calls it, at most 200 characters, e.g. "Young people with an EHC plan in education, employment or training".' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The NHS service, for a kind published per service (WAITING_52_WEEKS_OR_MORE, WAITING_UNDER_18_WEEKS): one of the health service\'s codes, e.g. "CAMHS" (see nhsServices). Leave out for every other kind.',
  })
  serviceCode?: string | null;
}

@InputType({ description: 'Retiring a measure: its targets are kept for the history; it is no longer rated on the board.' })
export class RetireMeasureInput {
  @Field(() => ID, { description: "The measure's platform id." })
  measureId: string;

  @Field(() => String, { description: "Why the board retires it, at most 2,000 characters; kept in the plan's history." })
  reason: string;
}
