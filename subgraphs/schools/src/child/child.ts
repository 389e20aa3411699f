import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A child as the schools service sees it: only the platform id. The child register
 * (names, date of birth, identifiers) belongs to the localities service; the schools
 * service adds the child's education.
 */
@ObjectType({
  description:
    "A child or young person on the local area's child register. The schools service adds their education: school, attendance, suspensions and SEN provision.",
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
    "A child's education as their schools record it: where they are on roll, their attendance, suspensions and exclusions, and their SEN provision.",
})
export class ChildEducation {
  childId: string;
}
