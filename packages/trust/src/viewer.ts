import type { Purpose, Role } from './roles.js';

/** The person behind a request, as their verified token and headers say. */
export interface Viewer {
  /** The token's subject: a person, never a shared account (every access attributable). */
  subject: string;
  name: string | null;
  role: Role;
  /** Localities a LOCALITY_LEAD works in. */
  localityIds: readonly string[];
  /** School URNs a SENCO works at. */
  schoolUrns: readonly string[];
  /** Health service codes a CLINICIAN works in. */
  serviceCodes: readonly string[];
  /** The partner organisation a PARTNER acts for. */
  partnerId: string | null;
  /** Why they are asking; null when the request stated none (then no personal data). */
  purpose: Purpose | null;
}
