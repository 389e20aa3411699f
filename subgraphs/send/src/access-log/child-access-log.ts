import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Who has looked at one child's personal data; the SEND service adds its own reads. */
@ObjectType({ description: "Who has looked at a child's personal data, service by service, newest first." })
@Directive('@key(fields: "childId")')
export class ChildAccessLog {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;
  /**
   * The register's signed word that the caller is the child's lead professional (see packages/trust/src/care-team-pass.ts): fetched by the gateway from
   * the localities service, hidden from the public API.
   */
  @Field(() => String, { nullable: true, description: "The register's signed statement that the caller is the child's lead professional." })
  @Directive('@external')
  careTeamPass?: string | null;
}
