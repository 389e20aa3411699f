import { Field, ID, InputType, Int } from 'type-graphql';
import { LaCodeScalar } from '@local-area-graph/identifiers';

@InputType({ description: "A new workstream of a local area's SEND improvement plan." })
export class CreateWorkstreamInput {
  @Field(() => LaCodeScalar, { description: 'The area whose plan it belongs to, e.g. E10000016.' })
  localAreaCode: string;

  @Field(() => String, { description: 'Its letter in the plan, one capital letter, e.g. "F": not one a current workstream of the area has. Workstreams are shown in letter order.' })
  letter: string;

  @Field(() => String, { description: 'What it is about, at most 200 characters, e.g. "Preparing for adulthood".' })
  title: string;

  @Field(() => String, { description: 'What it sets out to change, at most 2,000 characters.' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Who leads it for the board, e.g. "Head of SEND, 14 to 25"; leave out until the board names someone.' })
  lead?: string | null;
}

@InputType({ description: "A change to a workstream's title, description or lead; what is left out stays as it is." })
export class UpdateWorkstreamInput {
  @Field(() => ID, { description: "The workstream's platform id." })
  workstreamId: string;

  @Field(() => String, { nullable: true, description: 'The new title, at most 200 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The new description, at most 2,000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The new lead; null to record that nobody leads it now, left out to keep the lead.' })
  lead?: string | null;

  @Field(() => Int, { description: "The workstream's `version` as last read; a stale one is refused (CONFLICT), so no one's change is silently lost." })
  expectedVersion: number;
}

@InputType({ description: 'Retiring a workstream: it is kept for the history and no longer shown on the board. Its action-plan lines must all be closed first.' })
export class RetireWorkstreamInput {
  @Field(() => ID, { description: "The workstream's platform id." })
  workstreamId: string;

  @Field(() => String, { description: 'Why the board retires it, at most 2,000 characters; kept in the plan\'s history.' })
  reason: string;
}

@InputType({ description: 'An area of weakness an inspection found, put under the workstream that answers it.' })
export class AddAreaOfWeaknessInput {
  @Field(() => ID, { description: "The workstream's platform id." })
  workstreamId: string;

  @Field(() => Int, { description: 'Its number in the inspection findings, from 1 to 99, e.g. 10: not one a current area of weakness of the area has.' })
  number: number;

  @Field(() => String, { description: 'The weakness, as the inspection put it, at most 2,000 characters.' })
  description: string;
}

@InputType({ description: 'Retiring an area of weakness: kept for the history, no longer shown on the board. No open action-plan line or current measure may answer it.' })
export class RetireAreaOfWeaknessInput {
  @Field(() => ID, { description: "The area of weakness's platform id." })
  areaOfWeaknessId: string;

  @Field(() => String, { description: "Why the board retires it (e.g. the re-inspection found it resolved), at most 2,000 characters; kept in the plan's history." })
  reason: string;
}
