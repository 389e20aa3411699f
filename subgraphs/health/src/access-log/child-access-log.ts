import { Directive, Field, ObjectType } from 'type-graphql';
import { NhsNumberScalar } from '@local-area-graph/identifiers';

/**
 * Who has looked at one child's personal data. The trust knows children only by NHS
 * number, so it adds its reads to the log by that key; the register supplies it.
 */
@ObjectType({ description: "Who has looked at a child's personal data, service by service, newest first." })
@Directive('@key(fields: "nhsNumber")')
export class ChildAccessLog {
  @Field(() => NhsNumberScalar, { description: "The child's NHS number: how services that know children only by it add their reads." })
  nhsNumber: string;
  /**
   * The register's signed word that the caller is the child's lead professional (see packages/trust/src/care-team-pass.ts): fetched by the gateway from
   * the localities service, hidden from the public API.
   */
  @Field(() => String, { nullable: true, description: "The register's signed statement that the caller is the child's lead professional." })
  @Directive('@external')
  careTeamPass?: string | null;
}
