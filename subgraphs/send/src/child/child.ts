import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A child as the SEND service sees it: only the platform id. The register belongs to
 * the localities service; the SEND service adds the child's SEND casework.
 */
@ObjectType({
  description:
    "A child or young person on the local area's child register. The SEND service adds their EHC needs assessment requests and EHC plans, SEND support plans and needs radar.",
})
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID, { description: "The child's platform id, shared by every service on this platform." })
  id: string;
  /**
   * The register's signed word that the caller is on this child's team around the
   * child (see packages/trust/src/care-team-pass.ts): fetched by the gateway from
   * the localities service, hidden from the public API.
   */
  @Field(() => String, { nullable: true, description: "The register's signed statement that the caller is on this child's team around the child." })
  @Directive('@external')
  careTeamPass?: string | null;
}

/** Holds only the child's id; each field is loaded in batches across every child in the request. */
@ObjectType({
  description:
    "A child's SEND records: the statutory casework the local authority's SEND team keeps (the DfE SEN2 return: requests for an EHC needs assessment, EHC plans and their annual reviews), the SEND support plans their school keeps (assess, plan, do, review), and their needs radar.",
})
export class ChildSend {
  childId: string;
}
