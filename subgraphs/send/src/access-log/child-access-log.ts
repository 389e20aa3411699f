import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Who has looked at one child's personal data; the SEND service adds its own reads. */
@ObjectType({ description: "Who has looked at a child's personal data, service by service, newest first." })
@Directive('@key(fields: "childId")')
export class ChildAccessLog {
  @Field(() => ID, { description: "The child's platform id." })
  childId: string;
}
