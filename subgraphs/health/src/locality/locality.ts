import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A locality as the health service sees it: only its id, which the localities service
 * owns. The health service adds waiting-time figures for children living there when referred.
 */
@ObjectType({
  description: 'A locality within the local area: the patch served by one locality team, its single point of contact and its inclusion support leads.',
})
@Directive('@key(fields: "id")')
export class Locality {
  @Field(() => ID, { description: 'The locality\'s id, e.g. "dartford".' })
  id: string;
}

/** Localities belong to the localities service: any id is taken at its word, without a query. */
export const resolveLocalityReference = (reference: { id: string }): Locality => ({ id: reference.id });
