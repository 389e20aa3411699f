import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A professional as the SEND service sees it: only the platform id. The localities
 * service owns professionals (names, roles, email); the SEND service only names the
 * caseworker who holds a request, so it adds no field and resolves none.
 */
@ObjectType({ description: 'A professional who may work with children: a SENCO, a caseworker, a therapist, an inclusion support lead.' })
@Directive('@key(fields: "id", resolvable: false)')
export class Professional {
  @Field(() => ID, { description: "The professional's platform id." })
  id: string;
}
