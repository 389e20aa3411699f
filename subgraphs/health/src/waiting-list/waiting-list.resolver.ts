import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { NhsNumberScalar } from '@local-area-graph/identifiers';
import {
  PageInfo,
  badUserInput,
  connectionFrom,
  decodeCursor,
  forbidden,
  notFound,
  pageSize,
  platformDecision,
  type SubgraphContext,
} from '@local-area-graph/subgraph-kit';
import { Child } from '../child/child.js';
import { childKeyOf } from '../child/child-key.js';
import { NhsService } from '../service/nhs-service.js';
import { WaitingListEntry } from './waiting-list-entry.js';

@ObjectType({ description: 'One child waiting for the service.' })
class WaitingChild {
  @Field(() => String, { description: 'Where this child sits in the list; pass as `after` to continue from here.' })
  cursor: string;

  @Field(() => NhsNumberScalar, { description: "The child's NHS number." })
  nhsNumber: string;

  @Field(() => Child, { description: 'The child, for what other services add (the register shows names only to those who may see them).' })
  child: Child;

  @Field(() => WaitingListEntry, { description: 'The wait: referral date, priority, weeks waited.' })
  entry: WaitingListEntry;
}

@ObjectType({ description: "A page of a service's waiting list: the children still waiting, longest wait first." })
class ServiceWaitingList {
  @Field(() => Int, { description: 'How many children are waiting for the service.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page ends and whether there is another.' })
  pageInfo: PageInfo;

  @Field(() => [WaitingChild], { description: 'The children on this page, longest wait first.' })
  waiting: WaitingChild[];
}

/** Who may list a service's waiting list: its own clinicians, the SEND team, administrators. */
function assertMayList(ctx: SubgraphContext, serviceCode: string): void {
  const fixed = platformDecision(ctx.viewer);
  if (fixed && !fixed.allowed) throw forbidden('Query.waitingList', fixed.reason);
  const { role, serviceCodes } = ctx.viewer;
  if (role === 'ADMIN' || role === 'CASEWORKER') return;
  if (role === 'CLINICIAN' && serviceCodes.includes(serviceCode)) return;
  throw forbidden('Query.waitingList', role === 'CLINICIAN' ? 'that is not one of your services' : `the ${role} role does not see waiting lists`);
}

@Resolver()
export class WaitingListResolver {
  @Query(() => ServiceWaitingList, {
    nullable: true,
    description:
      "The children still waiting for one service, longest wait first: a clinician's own list (only for the service's clinicians, the SEND team and administrators).",
  })
  async waitingList(
    @Arg('serviceCode', () => String, { description: 'The service, e.g. "CAMHS".' }) serviceCode: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many children per page (1 to 1000, default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceWaitingList> {
    if (!(await ctx.loaders.one(NhsService, 'code').load(serviceCode))) throw notFound('NHS service', serviceCode, 'serviceCode');
    assertMayList(ctx, serviceCode);
    const size = pageSize({ first });
    const waiting = ctx.db
      .getRepository(WaitingListEntry)
      .createQueryBuilder('w')
      .where('w.service_code = :serviceCode AND w.first_contact_date IS NULL AND w.removal_date IS NULL', { serviceCode });
    const total = waiting.clone().getCount();
    if (after != null) {
      const [referralDate, id] = decodeCursor(after);
      if (typeof referralDate !== 'string' || typeof id !== 'string') throw badUserInput(`"${after}" is not a cursor of this list.`, 'after');
      waiting.andWhere('(w.referral_date, w.id) > (:referralDate, :id)', { referralDate, id });
    }
    const rows = await waiting.orderBy('w.referral_date').addOrderBy('w.id').limit(size + 1).getMany();
    const page = connectionFrom(rows, size, (entry) => [entry.referralDate, entry.id], await total);
    // Who waits for which service is personal data: each listed child is an audited read.
    for (const entry of page.nodes) ctx.audit.record(childKeyOf(entry.nhsNumber), 'Query.waitingList');
    return {
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      waiting: page.edges.map(({ cursor, node }) => ({ cursor, nhsNumber: node.nhsNumber, child: { nhsNumber: node.nhsNumber }, entry: node })),
    };
  }
}
