/**
 * Statistical disclosure control for every aggregate figure the platform publishes:
 * small counts withheld (DfE 1–5, NHS 1–7), secondary suppression so that withheld
 * counts cannot be recovered from totals, NHS rounding to the nearest 5, no statistic
 * over too few people, and the shared GraphQL types that carry the result.
 *
 * The building blocks of a figure (a shown value without protection) are deliberately
 * not exported: a figure reaches a schema only through a protect function.
 */
export { DISCLOSURE_RULES, resolveRule, roundToNearest, type DisclosureRule, type DisclosureThresholds } from './rules.js';
export {
  protectCount,
  protectStatistic,
  protectRate,
  isConfidentialCount,
  type Figure,
  type FigureSymbol,
  type RuleInput,
} from './figure.js';
export {
  protectBreakdown,
  protectTable,
  recoverableCells,
  type ProtectedBreakdown,
  type ProtectedTable,
  type RecoveredBreakdownCell,
  type RecoveredTableCell,
} from './suppression.js';
export { DisclosureSymbol, ProtectedCount, ProtectedStatistic, toProtectedCount, toProtectedStatistic } from './graphql.js';
