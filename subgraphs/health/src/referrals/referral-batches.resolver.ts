import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageInfo, badUserInput, connectionFrom, decodeCursor, forbidden, pageSize, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { ReferralBatch } from './referral-batch.js';
import { ReferralBatchReport } from './referrals.inputs.js';
import { reportFrom } from './referrals.mutations.js';

const FIELD = 'Query.referralBatches';

@ObjectType({ description: 'A page of applied referral batches, newest first.' })
class ReferralBatchPage {
  @Field(() => Int, { description: 'How many batches there are in all.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page ends and whether there is another.' })
  pageInfo: PageInfo;

  @Field(() => [ReferralBatch], { description: 'The batches on this page, newest first.' })
  nodes: ReferralBatch[];
}

/**
 * Which batches a viewer may list: a partner organisation its own, a clinician those
 * they sent, an administrator every one. A batch holds entry ids and no child's
 * identifier, but it is still a sender's own business.
 */
function scopeOf(ctx: SubgraphContext): { column: 'partner_id' | 'submitter' | null; value: string | null } {
  const { role, partnerId, subject, purpose } = ctx.viewer;
  if (purpose === null) throw forbidden(FIELD, 'state why you are asking in the x-purpose header');
  if (role === 'ADMIN') return { column: null, value: null };
  if (role === 'PARTNER') {
    if (!partnerId) throw forbidden(FIELD, 'your token names no partner organisation (claim "partner")');
    return { column: 'partner_id', value: partnerId };
  }
  if (role === 'CLINICIAN') return { column: 'submitter', value: subject };
  throw forbidden(FIELD, `the ${role} role sends no referral batches`);
}

@Resolver(() => ReferralBatch)
export class ReferralBatchResolver {
  @Query(() => ReferralBatchPage, {
    nullable: true,
    description:
      "The referral batches applied, newest first, each with its report row by row (the entry each row created or changed): a partner organisation's own, the ones a clinician sent, or every one for an administrator.",
  })
  async referralBatches(
    @Arg('first', () => Int, { nullable: true, description: 'How many batches per page (1 to 1000, default 50).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' }) after: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReferralBatchPage> {
    const scope = scopeOf(ctx);
    const size = pageSize({ first });
    // Compared at the millisecond a cursor can carry, with the key as tie-breaker.
    const at = `date_trunc('milliseconds', submitted_at)`;
    const where = scope.column ? `${scope.column} = $1` : `$1::text IS NULL`;
    let cursor: (string | number)[] = [];
    if (after != null) {
      cursor = decodeCursor(after);
      if (cursor.length !== 3 || cursor.some((part) => typeof part !== 'string')) throw badUserInput(`"${after}" is not a cursor of this list.`, 'after');
    }
    const [[{ count }], rows] = await Promise.all([
      ctx.db.query(`SELECT count(*)::int AS count FROM referral_batch WHERE ${where}`, [scope.value]),
      ctx.db.query(
        `SELECT idempotency_key, submitter, partner_id, report, ${at} AS submitted_at FROM referral_batch
          WHERE ${where} AND ($2::timestamptz IS NULL OR (${at}, idempotency_key, submitter) < ($2::timestamptz, $3, $4))
          ORDER BY ${at} DESC, idempotency_key DESC, submitter DESC LIMIT $5`,
        [scope.value, cursor[0] ?? null, cursor[1] ?? null, cursor[2] ?? null, size + 1],
      ),
    ]);
    const batches = (rows as { idempotency_key: string; submitter: string; partner_id: string | null; report: ReferralBatch['report']; submitted_at: Date }[]).map((row) =>
      Object.assign(new ReferralBatch(), {
        idempotencyKey: row.idempotency_key,
        submitter: row.submitter,
        partnerId: row.partner_id,
        report: row.report,
        submittedAt: row.submitted_at,
      }),
    );
    const page = connectionFrom(batches, size, (batch) => [batch.submittedAt.toISOString(), batch.idempotencyKey, batch.submitter], count);
    return { totalCount: page.totalCount, pageInfo: page.pageInfo, nodes: page.nodes };
  }

  @FieldResolver(() => ReferralBatchReport, { description: 'The report the sender was given when the batch was applied, row by row.' })
  report(@Root() batch: ReferralBatch): ReferralBatchReport {
    return reportFrom(batch.report);
  }
}
