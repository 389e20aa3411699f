import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { LaCodeScalar } from '@local-area-graph/identifiers';

@Entity('local_area')
@ObjectType({
  description:
    'A local authority area, such as Kent: the area whose education, SEND, health and care partners share this platform.',
})
@Directive('@key(fields: "code")')
export class LocalArea {
  @PrimaryColumn('char', { length: 9 })
  @Field(() => LaCodeScalar, { description: "The area's ONS code, e.g. E10000016 for Kent." })
  code: string;

  @Column('smallint', { unique: true })
  @Field(() => Int, { description: "The local authority's 3-digit DfE number, e.g. 886 for Kent." })
  laNumber: number;

  @Column('text')
  @Field(() => String, { description: 'The name of the local area.' })
  name: string;
}
