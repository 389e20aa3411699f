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
  /**
   * The register's signed word that the caller is on this child's team around the
   * child (see packages/trust/src/care-team-pass.ts): fetched by the gateway from
   * the localities service, hidden from the public API.
   */
  @Field(() => String, { nullable: true, description: "The register's signed statement that the caller is on this child's team around the child." })
  @Directive('@external')
  careTeamPass?: string | null;
}

/** Holds only the NHS number; each field is loaded in batches across every child in the request. */
@ObjectType({
  description:
    "A child's waits for community and specialist health services (CAMHS, therapies, autism and ADHD assessment, wheelchair service, community paediatrics), as the NHS trust records them.",
})
export class ChildHealth {
  nhsNumber: string;
}
