import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A locality as the schools service sees it: only its id, which the localities
 * service owns. The schools service adds the schools in it.
 */
@ObjectType({
  description:
    'A locality within the local area: the patch served by one locality team. The schools service adds the schools in it.',
})
@Directive('@key(fields: "id")')
export class Locality {
  @Field(() => ID, { description: 'The locality\'s id, e.g. "dartford".' })
  id: string;
}
