import { Directive, Field, ObjectType } from 'type-graphql';
import { UrnScalar } from '@local-area-graph/identifiers';

/**
 * A school as the locality team sees it: only its URN, which the schools service owns.
 * The locality names it as the school that completed a My World assessment.
 */
@ObjectType({ description: 'A school or other education setting in the local area.' })
@Directive('@key(fields: "urn")')
export class School {
  @Field(() => UrnScalar, { description: "The school's unique reference number (URN) on Get Information About Schools." })
  urn: string;
}

/** Schools belong to the schools service: any URN is taken at its word, without a query. */
export const resolveSchoolReference = (reference: { urn: string }): School => ({ urn: reference.urn });
