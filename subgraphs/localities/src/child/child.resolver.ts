import { Arg, Ctx, FieldResolver, ID, Int, ObjectType, Field, Query, Resolver, Root } from 'type-graphql';
import { assertIdentifier, LocalDateScalar, NhsNumberScalar, todayInEngland } from '@local-area-graph/identifiers';
import {
  assertUuid,
  badUserInput,
  connectionFrom,
  decodeCursor,
  forbidden,
  notFound,
  pageSize,
  platformDecision,
  PageInfo,
  type SubgraphContext,
  isUuid,
} from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import { Child } from './child.js';
import { Locality } from '../locality/locality.js';

@ObjectType({ description: 'One child in a page of the child register.' })
class ChildEdge {
  @Field(() => String, { description: 'Where this child sits in the list; pass as `after` to continue from here.' })
  cursor: string;

  @Field(() => Child, { description: 'The child.' })
  node: Child;
}

@ObjectType({ description: 'A page of children from the child register, in surname order.' })
class ChildConnection {
  @Field(() => Int, { description: 'How many children match, across all pages.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page ends and whether there is another.' })
  pageInfo: PageInfo;

  @Field(() => [ChildEdge], { description: 'The children on this page, each with its cursor.' })
  edges: ChildEdge[];

  @Field(() => [Child], { description: 'The children on this page, without cursors.' })
  nodes: Child[];
}

/**
 * The part of the register a role may list: a list of children is itself personal
 * data (who lives where), so a viewer lists only the children they may see.
 */
function registerScope(viewer: Viewer, localityId: string | null): { sql: string; parameters: Record<string, unknown> } | null {
  const refuse = (reason: string) => forbidden('Query.children', reason);
  const fixed = platformDecision(viewer);
  if (fixed && !fixed.allowed) throw refuse(fixed.reason);
  if (viewer.role === 'ADMIN' || viewer.role === 'CASEWORKER') return null;
  if (viewer.role === 'LOCALITY_LEAD') {
    if (localityId && !viewer.localityIds.includes(localityId)) throw refuse('that locality is not one of yours');
    return { sql: 'child.locality_id = ANY(:mine)', parameters: { mine: [...viewer.localityIds] } };
  }
  if (viewer.role === 'SENCO') return { sql: 'child.school_urn = ANY(:mine)', parameters: { mine: [...viewer.schoolUrns] } };
  throw refuse(`the ${viewer.role} role does not see the child register`);
}

/** Whole years between a date of birth and a date, as people count birthdays. */
export function ageOn(dateOfBirth: string, asOf: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}


@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, { description: 'One child by platform id. An unknown id is an error (NOT_FOUND), not an empty answer.' })
  async child(@Arg('id', () => ID, { description: "The child's platform id." }) id: string, @Ctx() ctx: SubgraphContext): Promise<Child> {
    const child = await ctx.loaders.one(Child, 'id').load(assertUuid(id, 'id'));
    if (!child) throw notFound('child', id, 'id');
    return child;
  }

  @Query(() => Child, { description: 'One child by NHS number: how health services find a child.' })
  async childByNhsNumber(
    @Arg('nhsNumber', () => NhsNumberScalar, { description: "The child's 10-digit NHS number." }) nhsNumber: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Child> {
    const child = await ctx.loaders.one(Child, 'nhsNumber').load(assertIdentifier('NhsNumber', nhsNumber, 'nhsNumber'));
    if (!child) throw notFound('child', nhsNumber, 'nhsNumber');
    return child;
  }

  @Query(() => ChildConnection, {
    nullable: true,
    description:
      'The child register, a page at a time in surname order, optionally for one locality. Each role lists only the children it may see: a locality lead those of their localities, a SENCO those at their school.',
  })
  async children(
    @Arg('localityId', () => ID, { nullable: true, description: 'Only children living in this locality.' }) localityId: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many children per page (1 to 1000, default 50).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildConnection> {
    const size = pageSize({ first });
    if (localityId != null && !(await ctx.loaders.one(Locality, 'id').load(localityId))) throw notFound('locality', localityId, 'localityId');
    const page = ctx.db.getRepository(Child).createQueryBuilder('child');
    const count = ctx.db.getRepository(Child).createQueryBuilder('child');
    for (const query of [page, count]) {
      query.where('true');
      if (localityId != null) query.andWhere('child.locality_id = :localityId', { localityId });
      const scope = registerScope(ctx.viewer, localityId);
      if (scope) query.andWhere(scope.sql, scope.parameters);
    }
    if (after) {
      const [familyName, givenName, id] = decodeCursor(after);
      if (typeof familyName !== 'string' || typeof givenName !== 'string' || typeof id !== 'string') {
        throw badUserInput(`"${after}" is not a cursor of the child register.`, 'after');
      }
      assertUuid(id, 'after');
      // Keyset paging: the index on (locality, surname, first name, id) serves any page as fast as the first.
      page.andWhere('(child.family_name, child.given_name, child.id) > (:familyName, :givenName, :id)', { familyName, givenName, id });
    }
    page.orderBy('child.family_name').addOrderBy('child.given_name').addOrderBy('child.id').limit(size + 1);
    const [rows, totalCount] = await Promise.all([page.getMany(), count.getCount()]);
    return connectionFrom(rows, size, (child) => [child.familyName, child.givenName, child.id], totalCount) as ChildConnection;
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The locality the child lives in.' })
  async locality(@Root() child: Child, @Ctx() ctx: SubgraphContext): Promise<Locality | null> {
    return ctx.loaders.one(Locality, 'id').load(child.localityId);
  }

  @FieldResolver(() => Int, { nullable: true, description: "The child's age in whole years on a date (today unless `asOf` is given)." })
  age(
    @Root() child: Child,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'The date to count the age on.' }) asOf: string | null,
  ): number {
    return ageOn(child.dateOfBirth, asOf ?? todayInEngland());
  }
}

/** The gateway asks for children by either key; one batched query per key per request. */
export async function resolveChildReference(
  reference: { id?: string; nhsNumber?: string },
  ctx: SubgraphContext,
): Promise<Child | null> {
  // A representation that is not a platform id names no child (rather than a failed SQL cast).
  if (reference.id) return isUuid(reference.id) ? ctx.loaders.one(Child, 'id').load(reference.id) : null;
  if (reference.nhsNumber) return ctx.loaders.one(Child, 'nhsNumber').load(reference.nhsNumber);
  return null;
}
