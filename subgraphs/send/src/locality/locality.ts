import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A locality as the SEND service sees it: only its id, which the localities service
 * owns. The SEND service adds its EHC timeliness figures.
 */
@ObjectType({
  description:
    'A locality within the local area: the patch served by one locality team. The SEND service adds EHC needs assessment figures for the children living there when they were referred.',
})
@Directive('@key(fields: "id")')
export class Locality {
  @Field(() => ID, { description: 'The locality\'s id, e.g. "dartford".' })
  id: string;
}

/** Localities belong to the localities service: any id is taken at its word, without a query. */
export const resolveLocalityReference = (reference: { id: string }): Locality => ({ id: reference.id });
