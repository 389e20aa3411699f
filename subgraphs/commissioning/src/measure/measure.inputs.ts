import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { TargetDirection } from './measure-kind.js';

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
