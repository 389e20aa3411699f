import { forbidden } from '@local-area-graph/subgraph-kit';
import type { Viewer } from '@local-area-graph/trust';
import type { School } from '../school/school.js';

/**
 * Who may read one school's own SEND self-evaluation by name: administrators, the
 * local authority's SEND team (who support and challenge schools), the school's
 * SENCO and the locality leads of its locality. It is the school's judgement of
 * itself, not personal data (so no stated purpose is needed), but not published either: everyone else, analysts and
 * board members included, sees the protected summaries across schools
 * (`schoolSelfEvaluationSummary` on a locality or the area), in which no school can be picked out.
 */
export function assertMaySeeSelfEvaluation(viewer: Viewer, school: School, field: string): void {
  if (viewer.role === 'ADMIN' || viewer.role === 'CASEWORKER') return;
  if (viewer.role === 'SENCO' && viewer.schoolUrns.includes(school.urn)) return;
  if (viewer.role === 'LOCALITY_LEAD' && viewer.localityIds.includes(school.localityId)) return;
  throw forbidden(
    field,
    viewer.role === 'SENCO' || viewer.role === 'LOCALITY_LEAD'
      ? 'this is not one of your schools'
      : `the ${viewer.role} role sees schools' self-evaluations only in the summaries across schools`,
  );
}

/** Who may record a school's self-evaluation and its action plan: its own SENCO, or an administrator. */
export function assertMayWriteSelfEvaluation(viewer: Viewer, schoolUrn: string, field: string): void {
  if (viewer.role === 'ADMIN') return;
  if (viewer.role === 'SENCO') {
    if (viewer.schoolUrns.includes(schoolUrn)) return;
    throw forbidden(field, `a SENCO may only write for their own school, and ${schoolUrn} is not yours`);
  }
  throw forbidden(field, 'only the school\'s SENCO or ADMIN may do this');
}
