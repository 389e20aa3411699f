import { Directive, Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { forbidden } from './decisions.js';
import type { SubgraphContext } from '../context.js';

/** One read of a child's personal data in one service, from its access_audit table. */
@ObjectType({ description: "One look at a child's personal data: who looked, in which role, why, at what, and when." })
@Directive('@shareable')
export class AccessRecord {
  @Field(() => GraphQLISODateTime, { description: 'When they looked.' })
  at: Date;

  @Field(() => String, { description: 'Who looked: the person named in their sign-in token.' })
  subject: string;

  @Field(() => String, { description: 'The role they looked in, e.g. SENCO.' })
  role: string;

  @Field(() => String, { description: 'The purpose they stated, e.g. direct-care.' })
  purpose: string;

  @Field(() => [String], { description: 'The fields they saw, e.g. Child.dateOfBirth.' })
  fields: string[];

  @Field(() => String, { description: 'The service that answered.' })
  subgraph: string;

  @Field(() => String, { description: 'The request, shared by every service that answered it.' })
  requestId: string;
}

/**
 * Who may read a child's access log: administrators, and the child's lead
 * professional, as the register vouches (a care-team pass, or the register's own
 * team records). Every subgraph checks again, since a subgraph can be asked directly.
 * `childKey` names the child as this subgraph's audit does.
 */
export function assertMayReadAccessLog(context: SubgraphContext, field: string, childKey: string): void {
  if (context.viewer.purpose === null) throw forbidden(field, 'state why you need personal data in the x-purpose header');
  if (context.viewer.role === 'ADMIN') return;
  if (context.viewer.role !== 'ANALYST' && context.careTeam.relationshipTo(childKey)?.lead) return;
  throw forbidden(field, "only the child's lead professional and administrators see who looked");
}

/** This subgraph's reads of one child, newest first. */
export async function readAccessLog(context: SubgraphContext, childId: string, limit = 500): Promise<AccessRecord[]> {
  const rows: { at: Date; subject: string; role: string; purpose: string; fields: string[]; subgraph: string; request_id: string }[] =
    await context.db.query(
      'SELECT at, subject, role, purpose, fields, subgraph, request_id FROM access_audit WHERE child_id = $1 ORDER BY at DESC, id DESC LIMIT $2',
      [childId, limit],
    );
  return rows.map((row) => ({ ...row, requestId: row.request_id }));
}
