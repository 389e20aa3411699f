import { createHash, randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isValidIsoDate, isValidLaCode, todayInEngland, validateNhsNumber } from '@local-area-graph/identifiers';
import { badUserInput, conflict, forbidden, inTransaction, requireRole, type SubgraphContext, isUuid } from '@local-area-graph/subgraph-kit';
import { ReferralPriority, WaitingListEntry } from '../waiting-list/waiting-list-entry.js';
import { childKeyOf } from '../child/child-key.js';
import { servicesOf } from '../service/nhs-service.resolver.js';
import { ReferralBatchInput, ReferralBatchReport, ReferralUpdateKind, RefusedRow, type ReferralUpdateInput } from './referrals.inputs.js';

const FIELD = 'Mutation.submitReferralUpdates';
const MAX_ROWS = 5000;
const ROW_FIELDS = ['kind', 'nhsNumber', 'serviceCode', 'referralDate', 'priority', 'localityId', 'localAreaCode', 'entryId', 'firstContactDate', 'removalDate', 'reason'] as const;

/** The rows as a canonical hash: the same batch sent again hashes the same. */
export function hashRows(rows: readonly ReferralUpdateInput[]): string {
  const canonical = rows.map((row) => ROW_FIELDS.map((field) => row[field] ?? null));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const report = (applied: boolean, accepted: number, refused: RefusedRow[], replayed = false): ReferralBatchReport =>
  Object.assign(new ReferralBatchReport(), { applied, replayed, accepted, refused: refused.map((r) => Object.assign(new RefusedRow(), r)) });

/** A date that is real and not in the future; the problem otherwise. */
function dateProblem(value: string | null | undefined): string | null {
  if (value == null) return 'is required';
  if (!isValidIsoDate(value)) return `"${value}" is not a date (yyyy-mm-dd)`;
  return value > todayInEngland() ? `${value} is in the future` : null;
}

/**
 * Partners' writes to the trust's waiting lists: a batch of new referrals, clock stops
 * and removals, all applied in one transaction or none of it, with a report of every
 * refused row. Idempotent by key per submitter.
 */
@Resolver()
export class ReferralMutations {
  @Mutation(() => ReferralBatchReport, {
    description:
      "Apply a batch of waiting-list updates (new referrals, clock stops, removals) from a clinician of the services named, a partner or an administrator. Every row is checked; if any is refused nothing is written and the report lists each problem. The same idempotency key with the same rows returns the first report (replayed), with different rows CONFLICT.",
  })
  async submitReferralUpdates(
    @Arg('batch', () => ReferralBatchInput, { description: 'The batch.' }) batch: ReferralBatchInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReferralBatchReport> {
    requireRole(ctx, FIELD, ['CLINICIAN', 'PARTNER', 'ADMIN']);
    const key = batch.idempotencyKey.trim();
    if (key.length === 0 || key.length > 200) throw badUserInput('The idempotency key must be 1 to 200 characters.', 'batch.idempotencyKey');
    if (batch.rows.length === 0 || batch.rows.length > MAX_ROWS) throw badUserInput(`A batch holds 1 to ${MAX_ROWS} rows.`, 'batch.rows');
    const hash = hashRows(batch.rows);
    const submitter = ctx.viewer.subject;
    const services = await servicesOf(ctx);

    return inTransaction(ctx, async (manager) => {
      const [stored] = await manager.query(`SELECT rows_hash, report FROM referral_batch WHERE idempotency_key = $1 AND submitter = $2 FOR UPDATE`, [key, submitter]);
      if (stored) {
        if (stored.rows_hash !== hash) throw conflict(`The idempotency key "${key}" was already used for a different batch; nothing was written.`, { field: 'batch.idempotencyKey' });
        const first = stored.report as ReferralBatchReport;
        return report(first.applied, first.accepted, first.refused, true);
      }

      const entryIds = batch.rows.map((row) => row.entryId).filter((id): id is string => typeof id === 'string' && isUuid(id));
      const entries = new Map(
        (entryIds.length === 0
          ? []
          : await manager.getRepository(WaitingListEntry).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = ANY(:ids::uuid[])', { ids: entryIds }).getMany()
        ).map((entry) => [entry.id, entry]),
      );

      // A clinician writes only to their own services' lists, whatever the row.
      if (ctx.viewer.role === 'CLINICIAN') {
        const codes = batch.rows.map((row) => (row.kind === ReferralUpdateKind.NEW_REFERRAL ? row.serviceCode : entries.get(row.entryId ?? '')?.serviceCode)).filter((c): c is string => !!c);
        const foreign = [...new Set(codes.filter((code) => !ctx.viewer.serviceCodes.includes(code)))];
        if (foreign.length > 0) throw forbidden(FIELD, `you may update only the lists of your own services, not ${foreign.join(', ')}`);
      }

      const refused: RefusedRow[] = [];
      const touched = new Set<string>();
      batch.rows.forEach((row, index) => {
        const refuse = (field: string, reason: string | null) => {
          if (reason) refused.push({ index, field, reason });
        };
        if (row.kind === ReferralUpdateKind.NEW_REFERRAL) {
          refuse('nhsNumber', row.nhsNumber == null ? 'is required' : validateNhsNumber(row.nhsNumber) && `is not a valid NHS number: ${validateNhsNumber(row.nhsNumber)}`);
          refuse('serviceCode', row.serviceCode == null ? 'is required' : services.has(row.serviceCode) ? null : `"${row.serviceCode}" is not a service of this trust`);
          refuse('referralDate', dateProblem(row.referralDate));
          refuse('localityId', row.localityId?.trim() ? null : 'is required');
          refuse('localAreaCode', row.localAreaCode == null ? 'is required' : isValidLaCode(row.localAreaCode) ? null : 'is not an ONS local authority code');
          return;
        }
        const entry = row.entryId ? entries.get(row.entryId) : undefined;
        if (!entry) return refuse('entryId', row.entryId ? `no waiting-list entry has id "${row.entryId}"` : 'is required');
        if (entry.firstContactDate || entry.removalDate) return refuse('entryId', 'is no longer waiting: its clock already stopped or it was removed');
        if (touched.has(entry.id)) return refuse('entryId', 'is already updated by an earlier row of this batch');
        touched.add(entry.id);
        const field = row.kind === ReferralUpdateKind.CLOCK_STOP ? 'firstContactDate' : 'removalDate';
        const date = row.kind === ReferralUpdateKind.CLOCK_STOP ? row.firstContactDate : row.removalDate;
        const problem = dateProblem(date);
        refuse(field, problem ?? (date! < entry.referralDate ? `is before the referral (${entry.referralDate})` : null));
        if (row.kind === ReferralUpdateKind.REMOVAL) refuse('reason', row.reason ? null : 'is required');
      });
      const failedRows = new Set(refused.map((r) => r.index)).size;
      if (refused.length > 0) return report(false, batch.rows.length - failedRows, refused);

      await apply(manager, ctx, batch.rows);
      const done = report(true, batch.rows.length, []);
      await manager.query(`INSERT INTO referral_batch (idempotency_key, submitter, rows_hash, report) VALUES ($1, $2, $3, $4)`, [
        key,
        submitter,
        hash,
        JSON.stringify({ applied: done.applied, accepted: done.accepted, refused: [] }),
      ]);
      return done;
    });
  }
}

/** Writes every (checked) row and one audit row per child, inside the batch's transaction. */
async function apply(manager: EntityManager, ctx: SubgraphContext, rows: readonly ReferralUpdateInput[]): Promise<void> {
  const repository = manager.getRepository(WaitingListEntry);
  const fresh = rows
    .filter((row) => row.kind === ReferralUpdateKind.NEW_REFERRAL)
    .map((row) => ({
      id: randomUUID(),
      nhsNumber: row.nhsNumber!,
      serviceCode: row.serviceCode!,
      referralDate: row.referralDate!,
      priority: row.priority ?? ReferralPriority.ROUTINE,
      firstContactDate: null,
      removalDate: null,
      removalReason: null,
      localityId: row.localityId!.trim(),
      localAreaCode: row.localAreaCode!,
    }));
  if (fresh.length > 0) await repository.insert(fresh);
  const children = new Set(fresh.map((entry) => entry.nhsNumber));
  for (const row of rows) {
    if (row.kind === ReferralUpdateKind.CLOCK_STOP) await repository.update({ id: row.entryId! }, { firstContactDate: row.firstContactDate! });
    if (row.kind === ReferralUpdateKind.REMOVAL) await repository.update({ id: row.entryId! }, { removalDate: row.removalDate!, removalReason: row.reason! });
  }
  const updated = rows.filter((row) => row.kind !== ReferralUpdateKind.NEW_REFERRAL).map((row) => row.entryId!);
  if (updated.length > 0) {
    const rowsOf: { nhs_number: string }[] = await manager.query(`SELECT DISTINCT nhs_number FROM waiting_list_entry WHERE id = ANY($1::uuid[])`, [updated]);
    for (const row of rowsOf) children.add(row.nhs_number);
  }
  for (const nhsNumber of children) await ctx.audit.recordWrite(manager, childKeyOf(nhsNumber), [FIELD]);
}
