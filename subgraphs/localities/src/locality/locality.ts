import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Entity('locality')
@ObjectType({
  description:
    'A locality within the local area: the patch served by one locality team, its single point of contact and its inclusion support leads.',
})
@Directive('@key(fields: "id")')
export class Locality {
  @PrimaryColumn('text')
  @Field(() => ID, { description: 'The locality\'s id, e.g. "dartford".' })
  id: string;

  @Column('text')
  @Field(() => String, { description: 'The name people use for the locality.' })
  name: string;

  @Index()
  @Column('char', { length: 9 })
  localAreaCode: string;
}
