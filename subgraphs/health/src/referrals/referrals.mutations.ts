import { createHash, randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isValidIsoDate, isValidLaCode, todayInEngland, validateNhsNumber } from '@local-area-graph/identifiers';
import { badUserInput, conflict, forbidden, inTransaction, requireRole, type SubgraphContext, isUuid } from '@local-area-graph/subgraph-kit';
import { ReferralPriority, WaitingListEntry } from '../waiting-list/waiting-list-entry.js';
import { childKeyOf } from '../child/child-key.js';
import { servicesOf } from '../service/nhs-service.resolver.js';
import { AppliedRow, ReferralBatchInput, ReferralBatchReport, ReferralUpdateKind, RefusedRow, type ReferralUpdateInput } from './referrals.inputs.js';
import type { StoredReport } from './referral-batch.js';

const FIELD = 'Mutation.submitReferralUpdates';
const MAX_ROWS = 5000;
const ROW_FIELDS = ['kind', 'nhsNumber', 'serviceCode', 'referralDate', 'priority', 'localityId', 'localAreaCode', 'entryId', 'firstContactDate', 'removalDate', 'reason'] as const;

/** The rows as a canonical hash: the same batch sent again hashes the same. */
export function hashRows(rows: readonly ReferralUpdateInput[]): string {
  const canonical = rows.map((row) => ROW_FIELDS.map((field) => row[field] ?? null));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const report = (applied: boolean, accepted: number, refused: RefusedRow[], rows: StoredReport['rows'] = [], replayed = false): ReferralBatchReport =>
  Object.assign(new ReferralBatchReport(), {
    applied,
    replayed,
    accepted,
    refused: refused.map((r) => Object.assign(new RefusedRow(), r)),
    rows: rows.map((r) => Object.assign(new AppliedRow(), r)),
  });

/** A kept report as the API shows it; `replayed` when answering a resend. */
export const reportFrom = (stored: StoredReport, replayed = false): ReferralBatchReport => report(stored.applied, stored.accepted, stored.refused, stored.rows ?? [], replayed);

/** A date that is real and not in the future; the problem otherwise. */
function dateProblem(value: string | null | undefined): string | null {
  if (value == null) return 'is required';
  if (!isValidIsoDate(value)) return `"${value}" is not a date (yyyy-mm-dd)`;
  return value > todayInEngland() ? `${value} is in the future` : null;
}

/**
 * Partners' writes to the trust's waiting lists: a batch of new referrals, clock stops
 * and removals, all applied in one transaction or none of it, with a report of every
 * refused row. Idempotent by key per submitter. Every entry records the organisation that
 * sent it: a PARTNER's own `partner` claim, or the trust providing the service when its
 * clinicians or an administrator write; a PARTNER may update only entries it sent.
 */
@Resolver()
export class ReferralMutations {
  @Mutation(() => ReferralBatchReport, {
    description:
      "Apply a batch of waiting-list updates (new referrals, clock stops, removals) from a clinician of the services named, a partner organisation or an administrator. Every row is checked; if any is refused nothing is written and the report lists each problem. A partner updates only entries it sent. The same idempotency key with the same rows returns the first report (replayed), with different rows CONFLICT.",
  })
  async submitReferralUpdates(
    @Arg('batch', () => ReferralBatchInput, { description: 'The batch.' }) batch: ReferralBatchInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReferralBatchReport> {
    requireRole(ctx, FIELD, ['CLINICIAN', 'PARTNER', 'ADMIN']);
    const partnerId = ctx.viewer.role === 'PARTNER' ? ctx.viewer.partnerId : null;
    if (ctx.viewer.role === 'PARTNER' && !partnerId) throw forbidden(FIELD, 'your token names no partner organisation (claim "partner")');
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
        return reportFrom(stored.report as StoredReport, true);
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
        // A partner's rows reach only its own entries; another's is answered as unknown, so
        // that a guessed id tells it nothing.
        const entry = row.entryId ? entries.get(row.entryId) : undefined;
        const reachable = entry && (partnerId === null || entry.partnerId === partnerId) ? entry : undefined;
        if (!reachable) return refuse('entryId', row.entryId ? `no waiting-list entry ${partnerId ? 'your organisation sent ' : ''}has id "${row.entryId}"` : 'is required');
        if (reachable.firstContactDate || reachable.removalDate) return refuse('entryId', 'is no longer waiting: its clock already stopped or it was removed');
        if (touched.has(reachable.id)) return refuse('entryId', 'is already updated by an earlier row of this batch');
        touched.add(reachable.id);
        const field = row.kind === ReferralUpdateKind.CLOCK_STOP ? 'firstContactDate' : 'removalDate';
        const date = row.kind === ReferralUpdateKind.CLOCK_STOP ? row.firstContactDate : row.removalDate;
        const problem = dateProblem(date);
        refuse(field, problem ?? (date! < reachable.referralDate ? `is before the referral (${reachable.referralDate})` : null));
        if (row.kind === ReferralUpdateKind.REMOVAL) refuse('reason', row.reason ? null : 'is required');
      });
      const failedRows = new Set(refused.map((r) => r.index)).size;
      if (refused.length > 0) return report(false, batch.rows.length - failedRows, refused);

      const rows = await apply(manager, ctx, batch.rows, (serviceCode) => partnerId ?? services.get(serviceCode)!.providerOdsCode);
      const kept: StoredReport = { applied: true, accepted: batch.rows.length, refused: [], rows };
      await manager.query(`INSERT INTO referral_batch (idempotency_key, submitter, partner_id, rows_hash, report) VALUES ($1, $2, $3, $4, $5)`, [
        key,
        submitter,
        partnerId,
        hash,
        JSON.stringify(kept),
      ]);
      return reportFrom(kept);
    });
  }
}

/**
 * Writes every (checked) row and one audit row per child, inside the batch's transaction,
 * and returns each row's entry. `contributor` names the organisation a new entry is from.
 */
async function apply(
  manager: EntityManager,
  ctx: SubgraphContext,
  rows: readonly ReferralUpdateInput[],
  contributor: (serviceCode: string) => string,
): Promise<NonNullable<StoredReport['rows']>> {
  const repository = manager.getRepository(WaitingListEntry);
  const written = rows.map((row, index) => ({ index, kind: row.kind, entryId: row.kind === ReferralUpdateKind.NEW_REFERRAL ? randomUUID() : row.entryId! }));
  const fresh = rows.flatMap((row, index) =>
    row.kind !== ReferralUpdateKind.NEW_REFERRAL
      ? []
      : [
          {
            id: written[index]!.entryId,
            nhsNumber: row.nhsNumber!,
            serviceCode: row.serviceCode!,
            referralDate: row.referralDate!,
            priority: row.priority ?? ReferralPriority.ROUTINE,
            firstContactDate: null,
            removalDate: null,
            removalReason: null,
            localityId: row.localityId!.trim(),
            localAreaCode: row.localAreaCode!,
            partnerId: contributor(row.serviceCode!),
          },
        ],
  );
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
  return written;
}
