import { Field, ID, InputType, Int } from 'type-graphql';
import { Rag } from '../measure/measure-kind.js';

@InputType({ description: "A new rating of an action-plan line's progress, and why." })
export class UpdateActionPlanProgressInput {
  @Field(() => ID, { description: "The line's platform id." })
  lineId: string;

  @Field(() => Rag, { description: 'The rating now (it may stay the same: the commentary is still recorded).' })
  rag: Rag;

  @Field(() => String, { description: 'Why: what has happened since the last rating, at most 2,000 characters.' })
  commentary: string;

  @Field(() => Int, { description: "The line's `version` as last read; a stale one is refused (CONFLICT), so no one's change is silently lost." })
  expectedVersion: number;
}
