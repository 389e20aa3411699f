import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { assertIdentifier, UrnScalar } from '@local-area-graph/identifiers';
import {
  badUserInput,
  connectionFrom,
  decodeCursor,
  notFound,
  pageSize,
  type SubgraphContext,
  isUuid,
} from '@local-area-graph/subgraph-kit';
import { School } from './school.js';
import { PupilConnection } from './pupil-connection.js';
import { numberOnRollLoader, rollPageLoader } from './roll-loaders.js';
import { ProtectedCount, protectCount, toProtectedCount } from '@local-area-graph/disclosure';
import { assertMayListPupils } from '../child/education.access.js';
import { Locality } from '../locality/locality.js';
import { todayInEngland } from '../calendar.js';


/** A pupils cursor is the (child id, enrolment id) of the last pupil on the previous page. */
function decodeRollCursor(after: string): [string, string] {
  const key = decodeCursor(after);
  if (key.length !== 2 || !key.every((part) => typeof part === 'string' && isUuid(part))) {
    throw badUserInput(`"${after}" is not a cursor this API issued.`, 'after');
  }
  return key as [string, string];
}

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, { description: 'One school by its URN. An unknown URN is an error (NOT_FOUND), not an empty answer.' })
  async school(
    @Arg('urn', () => UrnScalar, { description: "The school's 6-digit unique reference number, e.g. \"118532\"." }) urn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<School> {
    const school = await ctx.loaders.one(School, 'urn').load(assertIdentifier('Urn', urn, 'urn'));
    if (!school) throw notFound('school', urn, 'urn');
    return school;
  }

  @Query(() => [School], { description: 'The schools in the local area, by name; only those in one locality when `localityId` is given.' })
  schools(
    @Arg('localityId', () => ID, { nullable: true, description: 'Only schools in this locality.' }) localityId: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<School[]> {
    if (localityId != null) return ctx.loaders.many(School, 'localityId', { name: 'ASC', urn: 'ASC' }).load(localityId);
    return ctx.db.getRepository(School).find({ order: { name: 'ASC', urn: 'ASC' } });
  }

  @FieldResolver(() => String, {
    description: 'The DfE number: the local authority number and establishment number together, e.g. "886/2001".',
  })
  dfeNumber(@Root() school: School): string {
    return `${school.laNumber}/${school.establishmentNumber}`;
  }

  @FieldResolver(() => Locality, { nullable: true, description: 'The locality the school is in.' })
  locality(@Root() school: School): Locality {
    return { id: school.localityId };
  }

  @FieldResolver(() => ProtectedCount, {
    description:
      'How many pupils are on roll today: enrolments with no end date, or an end date still to come. Dual-registered pupils count at both schools. A count of 1 to 5 is withheld (DfE rule).',
  })
  async numberOnRoll(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<ProtectedCount> {
    return toProtectedCount(protectCount(await numberOnRollLoader(ctx, todayInEngland()).load(school.urn), 'DFE'));
  }


  @FieldResolver(() => PupilConnection, {
    nullable: true,
    description:
      "The pupils on roll today, a page at a time in a stable order (by platform id), each with their enrolment. Only for the school's SENCO, the locality leads of its locality, the SEND team and administrators.",
  })
  async pupils(
    @Root() school: School,
    @Arg('first', () => Int, { nullable: true, description: 'How many pupils per page (1 to 1000, default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PupilConnection> {
    assertMayListPupils(ctx.viewer, school);
    const size = pageSize({ first });
    const keyset = after == null ? null : decodeRollCursor(after);
    const today = todayInEngland();
    const [rows, totalCount] = await Promise.all([
      rollPageLoader(ctx, today, size + 1, keyset).load(school.urn),
      numberOnRollLoader(ctx, today).load(school.urn),
    ]);
    const page = connectionFrom(rows, size, (enrolment) => [enrolment.childId, enrolment.id], totalCount);
    // Who is on a school's roll is personal data: each listed pupil is an audited read.
    for (const enrolment of page.nodes) ctx.audit.record(enrolment.childId, 'School.pupils');
    return {
      totalCount,
      pageInfo: page.pageInfo,
      edges: page.edges.map(({ cursor, node: enrolment }) => ({ cursor, node: { id: enrolment.childId }, enrolment })),
      nodes: page.nodes.map((enrolment) => ({ id: enrolment.childId })),
    };
  }
}

/** The gateway asks for schools by URN; one batched query per request. */
export const resolveSchoolReference = (reference: { urn: string }, ctx: SubgraphContext) =>
  ctx.loaders.one(School, 'urn').load(reference.urn);
