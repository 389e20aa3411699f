/** Attendance arithmetic shared by a term's figures and a year's summary. */

/** The share of possible sessions missed, 0 to 1; 0 when no sessions were possible. */
export function absenceRate(sessionsPossible: number, sessionsMissed: number): number {
  return sessionsPossible === 0 ? 0 : sessionsMissed / sessionsPossible;
}

/**
 * Persistent absence as the DfE defines it: missing 10% or more of possible sessions.
 * Compared in whole numbers so 18 of 180 counts, however floating point rounds 0.1.
 */
export function isPersistentlyAbsent(sessionsPossible: number, sessionsMissed: number): boolean {
  return sessionsPossible > 0 && sessionsMissed * 10 >= sessionsPossible;
}
