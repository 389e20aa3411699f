import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Who has looked at one child's personal data, across every service: each service
 * adds the reads it recorded, under its own name.
 */
@ObjectType({ description: "Who has looked at a child's personal data, service by service, newest first." })
@Directive('@key(fields: "childId")')
// Services that know children only by NHS number (health) add their reads by this key.
@Directive('@key(fields: "nhsNumber")')
export class ChildAccessLog {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;
}
