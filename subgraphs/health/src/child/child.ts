import { Directive, Field, ObjectType } from 'type-graphql';
import { NhsNumberScalar } from '@local-area-graph/identifiers';

/**
 * A child as the health service sees it: only the NHS number. The trust never holds the
 * platform id, so this subgraph keys `Child` by `nhsNumber`; the gateway fetches the
 * NHS number from the register and joins here.
 */
@ObjectType({
  description:
    "A child or young person on the local area's child register. Each agency adds what it knows: school, SEND, health and the team around the child. Personal fields are empty, with a FORBIDDEN error, for anyone who may not see this child.",
})
@Directive('@key(fields: "nhsNumber")')
export class Child {
  @Field(() => NhsNumberScalar, { description: "The child's NHS number: the identifier health services know the child by." })
  nhsNumber: string;
}

/** Holds only the NHS number; each field is loaded in batches across every child in the request. */
@ObjectType({
  description:
    "A child's waits for community and specialist health services (CAMHS, therapies, autism and ADHD assessment, wheelchair service, community paediatrics), as the NHS trust records them.",
})
export class ChildHealth {
  nhsNumber: string;
}
