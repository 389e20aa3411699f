import { createHash } from 'node:crypto';

/**
 * The health service's pseudonymous child key. The trust knows children only by NHS
 * number, but the platform's access audit (`access_audit.child_id`) takes a UUID: this
 * is a UUID made from the SHA-256 of "nhs:" and the NHS number (version nibble 5,
 * variant 8), the same as the `waiting_list_entry.child_key` column the database
 * computes. It is not the platform id, so the health audit cannot be joined to
 * `ChildAccessLog` by platform id; an auditor recomputes it from the NHS number.
 */
export function childKeyOf(nhsNumber: string): string {
  const hex = createHash('sha256').update(`nhs:${nhsNumber}`, 'utf8').digest('hex').slice(0, 32);
  const v = `${hex.slice(0, 12)}5${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
}
