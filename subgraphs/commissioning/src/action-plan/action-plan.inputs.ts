import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
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

/** How a line is closed. */
export enum ActionPlanLineClosure {
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(ActionPlanLineClosure, {
  name: 'ActionPlanLineClosure',
  description: 'How an action-plan line is closed.',
  valuesConfig: {
    COMPLETED: { description: 'It was done.' },
    DROPPED: { description: 'It is stopped without being done (overtaken, or replaced by another line).' },
  },
});

@InputType({ description: "A new line of a workstream's action plan, with its first rating of progress." })
export class AddActionPlanLineInput {
  @Field(() => ID, { description: "The workstream's platform id." })
  workstreamId: string;

  @Field(() => ID, { nullable: true, description: "The area of weakness it answers, one of the workstream's current ones; leave out when it answers none in particular." })
  areaOfWeaknessId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The locality it is for, e.g. "dartford"; leave out for a line for the whole area.' })
  localityId?: string | null;

  @Field(() => String, { description: 'The recommendation or action, at most 2,000 characters.' })
  recommendation: string;

  @Field(() => String, { description: 'How it will be done, at most 2,000 characters.' })
  how: string;

  @Field(() => String, { description: 'Who does it, at most 200 characters, e.g. "Head of SEND assessment".' })
  who: string;

  @Field(() => LocalDateScalar, { description: 'By when: today or later.' })
  byWhen: string;

  @Field(() => ID, { nullable: true, description: "The board's measure its impact is tracked by, a current measure of the area's plan; its name is the line's impactMeasure unless that is given." })
  impactMeasureId?: string | null;

  @Field(() => String, { nullable: true, description: 'How its impact is measured, in words, at most 2,000 characters; needed when no impactMeasureId is given.' })
  impactMeasure?: string | null;

  @Field(() => Rag, { description: 'Its progress to start with.' })
  rag: Rag;

  @Field(() => String, { description: 'Why that rating, at most 2,000 characters: the first entry of its history.' })
  commentary: string;
}

@InputType({ description: 'Closing an action-plan line: completed or dropped, and why. It stays in the history; it is no longer rated.' })
export class CloseActionPlanLineInput {
  @Field(() => ID, { description: "The line's platform id." })
  lineId: string;

  @Field(() => ActionPlanLineClosure, { description: 'Completed or dropped.' })
  closedAs: ActionPlanLineClosure;

  @Field(() => String, { description: 'Why, at most 2,000 characters, e.g. what it achieved, or what replaced it.' })
  reason: string;

  @Field(() => Int, { description: "The line's `version` as last read; a stale one is refused (CONFLICT), so no one's change is silently lost." })
  expectedVersion: number;
}
