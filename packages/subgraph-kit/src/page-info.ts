import { Directive, Field, ObjectType } from 'type-graphql';

/** Shared by every subgraph's connections; identical everywhere, hence @shareable. */
@ObjectType({ description: 'Where this page ends and whether another page follows it.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'True when there are more results after this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass this as `after` to get the next page; null on an empty page.' })
  endCursor: string | null;
}
