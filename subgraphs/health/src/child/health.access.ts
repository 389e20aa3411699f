import { ALLOW, deny, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';

/**
 * Who may see a child's waits, beyond ADMIN (the kit settles ADMIN, ANALYST and a
 * missing purpose first). `childKeys` are the health service's pseudonymous child keys
 * (child/child-key.ts), not platform ids.
 * - CLINICIAN: children waiting for, or seen by, one of the services in their
 *   `services` claim: the team treating the child.
 * - CASEWORKER: any child; statutory EHC needs assessments ask health for advice.
 * - LOCALITY_LEAD, SENCO, PARTNER: not clinical records.
 * One query for every child of the request.
 */
export async function healthAccess(viewer: Viewer, childKeys: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childKeys.map(() => ALLOW);
  if (viewer.role !== 'CLINICIAN') return childKeys.map(() => deny(`the ${viewer.role} role does not see health waiting lists`));
  const rows: { child_key: string }[] = await ctx.db.query(
    `SELECT DISTINCT child_key FROM waiting_list_entry WHERE child_key = ANY($1::uuid[]) AND service_code = ANY($2::text[])`,
    [childKeys, viewer.serviceCodes],
  );
  const known = new Set(rows.map((row) => row.child_key));
  return childKeys.map((key) => (known.has(key) ? ALLOW : deny('the child has no referral to your service')));
}
