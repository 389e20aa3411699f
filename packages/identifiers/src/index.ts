/**
 * National identifiers used across the local area graph (NHS number, UPN, URN,
 * ONS local authority code) and calendar dates: validation, test-data generation
 * and GraphQL scalars that reject bad input with BAD_USER_INPUT errors.
 */
export {
  nhsNumberCheckDigit,
  validateNhsNumber,
  isValidNhsNumber,
  normaliseNhsNumber,
  isTestRangeNhsNumber,
  makeTestNhsNumber,
} from './nhs-number.js';
export {
  UPN_ALPHABET,
  upnCheckLetter,
  validateUpn,
  isValidUpn,
  isTemporaryUpn,
  makeUpn,
  makeTemporaryUpn,
  type UpnParts,
} from './upn.js';
export { validateUrn, isValidUrn } from './urn.js';
export { validateLaCode, isValidLaCode, laCodeKind, type LaCodeKind } from './la-code.js';
export { validateIsoDate, isValidIsoDate, formatIsoDate, todayInEngland, isCurrentOn } from './date.js';
export { completeMonthsBefore, lastDayOf, monthsBetween, type MonthWindow } from './months.js';
export {
  InvalidIdentifierError,
  assertIdentifier,
  validateIdentifier,
  IDENTIFIER_VALIDATORS,
  type IdentifierKind,
  type InvalidIdentifierExtensions,
} from './errors.js';
export {
  NhsNumberScalar,
  UpnScalar,
  UrnScalar,
  LaCodeScalar,
  LocalDateScalar,
  IDENTIFIER_SCALARS,
} from './scalars.js';
