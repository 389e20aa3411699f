/**
 * Who may ask. Each subgraph decides what a role sees of the data it owns; these are
 * the platform's shared words for it.
 */
export const ROLES = ['LOCALITY_LEAD', 'SENCO', 'CASEWORKER', 'CLINICIAN', 'ANALYST', 'PARTNER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  LOCALITY_LEAD: 'A locality inclusion lead: the children of their own localities.',
  SENCO: "A school's SEN coordinator: the pupils on roll at their school.",
  CASEWORKER: "The local authority's SEND team.",
  CLINICIAN: 'A clinician: referrals to their own service.',
  ANALYST: 'A BI analyst: aggregate figures only, never a personal field.',
  PARTNER: 'A partner agency: the data it contributed.',
  ADMIN: 'A platform administrator.',
};

/**
 * Why personal data is asked for: a request for it must state one (header
 * `x-purpose`), so every access can be justified afterwards (NDG standard 4).
 */
export const PURPOSES = ['direct-care', 'safeguarding', 'statutory-assessment', 'service-planning'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const PURPOSE_HEADER = 'x-purpose';

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}
