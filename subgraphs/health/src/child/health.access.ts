import { ALLOW, deny, type AccessDecision, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';

/**
 * Who may see a child's waits, beyond ADMIN (the kit settles ADMIN, ANALYST and a
 * missing purpose first). `childKeys` are the health service's pseudonymous child keys
 * (child/child-key.ts), not platform ids.
 * - CLINICIAN: children waiting for, or seen by, one of the services in their
 *   `services` claim: the team treating the child.
 * - CASEWORKER: any child; statutory EHC needs assessments ask health for advice.
 * - PARTNER: children with an entry its own organisation (its `partner` claim) sent: the
 *   data it contributed. Which of the child's entries it then sees is narrowed to its
 *   own in child/child.resolver.ts.
 * - LOCALITY_LEAD, SENCO: not clinical records.
 * One query for every child of the request.
 */
export async function healthAccess(viewer: Viewer, childKeys: readonly string[], ctx: SubgraphContext): Promise<AccessDecision[]> {
  if (viewer.role === 'CASEWORKER') return childKeys.map(() => ALLOW);
  if (viewer.role === 'PARTNER') {
    if (!viewer.partnerId) return childKeys.map(() => deny('your token names no partner organisation'));
    return decideByQuery(
      childKeys,
      ctx,
      `SELECT DISTINCT child_key FROM waiting_list_entry WHERE child_key = ANY($1::uuid[]) AND partner_id = $2`,
      viewer.partnerId,
      'your organisation sent no waiting-list entry for this child',
    );
  }
  if (viewer.role !== 'CLINICIAN') return childKeys.map(() => deny(`the ${viewer.role} role does not see health waiting lists`));
  return decideByQuery(
    childKeys,
    ctx,
    `SELECT DISTINCT child_key FROM waiting_list_entry WHERE child_key = ANY($1::uuid[]) AND service_code = ANY($2::text[])`,
    viewer.serviceCodes,
    'the child has no referral to your service',
  );
}

async function decideByQuery(childKeys: readonly string[], ctx: SubgraphContext, sql: string, scope: unknown, reason: string): Promise<AccessDecision[]> {
  const rows: { child_key: string }[] = await ctx.db.query(sql, [childKeys, scope]);
  const known = new Set(rows.map((row) => row.child_key));
  return childKeys.map((key) => (known.has(key) ? ALLOW : deny(reason)));
}
