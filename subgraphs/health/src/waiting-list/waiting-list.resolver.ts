import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
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
import { WaitingListEntry, WaitStatus } from './waiting-list-entry.js';

@ObjectType({ description: "One child's wait on a list: the child, by NHS number, and the wait." })
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

@ObjectType({ description: "A page of the waiting-list entries a partner organisation sent, newest referral first." })
class PartnerWaitingList {
  @Field(() => Int, { description: 'How many entries the organisation sent (with the status asked for).' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page ends and whether there is another.' })
  pageInfo: PageInfo;

  @Field(() => [WaitingChild], { description: 'The entries on this page, newest referral first, each with its child.' })
  waits: WaitingChild[];
}

const PARTNER_FIELD = 'Query.partnerWaits';

/** Whose entries a viewer may list: a partner organisation its own, an administrator any named one. */
function partnerListed(ctx: SubgraphContext, asked: string | null): string {
  const fixed = platformDecision(ctx.viewer);
  if (fixed && !fixed.allowed) throw forbidden(PARTNER_FIELD, fixed.reason);
  const { role, partnerId } = ctx.viewer;
  if (role === 'ADMIN') {
    if (asked === null) throw badUserInput('Name the partner organisation whose entries to list.', 'partnerId');
    return asked;
  }
  if (role !== 'PARTNER') throw forbidden(PARTNER_FIELD, `the ${role} role lists no partner's entries`);
  if (!partnerId) throw forbidden(PARTNER_FIELD, 'your token names no partner organisation (claim "partner")');
  if (asked !== null && asked !== partnerId) throw forbidden(PARTNER_FIELD, "a partner organisation sees only the data it sent, not another's");
  return partnerId;
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

/** Whether an entry with these clock dates has `status`, in SQL. */
const STATUS_SQL: Record<WaitStatus, string> = {
  [WaitStatus.WAITING]: 'w.first_contact_date IS NULL AND w.removal_date IS NULL',
  [WaitStatus.SEEN]: 'w.first_contact_date IS NOT NULL',
  [WaitStatus.REMOVED]: 'w.removal_date IS NOT NULL',
};

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

  @Query(() => PartnerWaitingList, {
    nullable: true,
    description:
      "The waiting-list entries a partner organisation sent, newest referral first, each with its child: a partner's own contributed data (a partner sees only its own; an administrator names the partner).",
  })
  async partnerWaits(
    @Arg('partnerId', () => ID, { nullable: true, description: "The partner organisation, e.g. the trust's ODS code \"RXY\"; your own when left out." }) partnerId: string | null | undefined,
    @Arg('status', () => WaitStatus, { nullable: true, description: 'Only entries waiting, seen or removed; all of them when left out.' }) status: WaitStatus | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many entries per page (1 to 1000, default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PartnerWaitingList> {
    const partner = partnerListed(ctx, partnerId ?? null);
    const size = pageSize({ first });
    const entries = ctx.db.getRepository(WaitingListEntry).createQueryBuilder('w').where('w.partner_id = :partner', { partner });
    if (status != null) entries.andWhere(STATUS_SQL[status]);
    const total = entries.clone().getCount();
    if (after != null) {
      const [referralDate, id] = decodeCursor(after);
      if (typeof referralDate !== 'string' || typeof id !== 'string') throw badUserInput(`"${after}" is not a cursor of this list.`, 'after');
      entries.andWhere('(w.referral_date, w.id) < (:referralDate, :id)', { referralDate, id });
    }
    const rows = await entries.orderBy('w.referral_date', 'DESC').addOrderBy('w.id', 'DESC').limit(size + 1).getMany();
    const page = connectionFrom(rows, size, (entry) => [entry.referralDate, entry.id], await total);
    // Which children a partner referred is personal data: each listed child is an audited read.
    for (const entry of page.nodes) ctx.audit.record(childKeyOf(entry.nhsNumber), PARTNER_FIELD);
    return {
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      waits: page.edges.map(({ cursor, node }) => ({ cursor, nhsNumber: node.nhsNumber, child: { nhsNumber: node.nhsNumber }, entry: node })),
    };
  }
}
