import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@local-area-graph/subgraph-kit';
import { Child } from '../child/child.js';
import { Enrolment } from '../enrolment/enrolment.js';

@ObjectType({ description: "One pupil in a page of a school's roll, with their enrolment." })
export class PupilEdge {
  @Field(() => String, { description: 'Where this pupil sits in the list; pass as `after` to continue from here.' })
  cursor: string;

  @Field(() => Child, { description: 'The pupil.' })
  node: Child;

  @Field(() => Enrolment, { description: "The pupil's enrolment at this school: when they joined and whether a leaving date is set." })
  enrolment: Enrolment;
}

@ObjectType({ description: "A page of the pupils on a school's roll now." })
export class PupilConnection {
  @Field(() => Int, { description: 'How many pupils are on roll, across all pages.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page ends and whether there is another.' })
  pageInfo: PageInfo;

  @Field(() => [PupilEdge], { description: 'The pupils on this page, each with its cursor and enrolment.' })
  edges: PupilEdge[];

  @Field(() => [Child], { description: 'The pupils on this page, without cursors.' })
  nodes: Child[];
}
