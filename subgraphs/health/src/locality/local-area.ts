import { Directive, Field, ObjectType } from 'type-graphql';
import { LaCodeScalar } from '@local-area-graph/identifiers';

/** A local area as the health service sees it: only its ONS code, which the localities service owns. */
@ObjectType({
  description: 'A local authority area, such as Kent: the area whose education, SEND, health and care partners share this platform.',
})
@Directive('@key(fields: "code")')
export class LocalArea {
  @Field(() => LaCodeScalar, { description: "The area's ONS code, e.g. E10000016 for Kent." })
  code: string;
}

/** Areas belong to the localities service: any code is taken at its word, without a query. */
export const resolveLocalAreaReference = (reference: { code: string }): LocalArea => ({ code: reference.code });
