import { Directive, Field, ObjectType } from 'type-graphql';
import { UrnScalar } from '@local-area-graph/identifiers';

/**
 * A school as the SEND service sees it: only its URN, which the schools service
 * owns. The SEND service names it as a plan's placement and adds `send`: what it
 * knows of the school (plans naming it, its readiness, its children's needs).
 */
@ObjectType({
  description:
    "A school or other education setting in the local area. The SEND service adds what it knows of the school's SEND: the EHC plans naming it, its readiness to meet needs and its children's needs radar profile.",
})
@Directive('@key(fields: "urn")')
export class School {
  @Field(() => UrnScalar, { description: "The school's unique reference number (URN) on Get Information About Schools." })
  urn: string;
}

/** Holds only the URN; each field is loaded in batches across every school in the request. */
@ObjectType({
  description:
    "What the SEND service knows of a school: how many EHC plans name it, its own rating of its readiness to meet needs, and the needs radar profile of the children it assessed. Figures, not personal data: every role may read them, with small counts withheld.",
})
export class SchoolSend {
  urn: string;
}

/** Schools belong to the schools service: any URN is taken at its word, without a query. */
export const resolveSchoolReference = (reference: { urn: string }): School => ({ urn: reference.urn });
