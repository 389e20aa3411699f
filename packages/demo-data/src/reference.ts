/** Code lists from the DfE school census, published as data so seeds and schemas share one source. */
import type { SenNeedType, SenProvision, SuspensionCategory } from './types.js';

/** A census code with its published description. */
export interface CodedValue<Code extends string = string> {
  code: Code;
  description: string;
}

/** DfE suspension and permanent exclusion reason codes (school census, from 2020/21). */
export const SUSPENSION_REASONS = [
  { code: 'PP', description: 'Physical assault against a pupil' },
  { code: 'PA', description: 'Physical assault against an adult' },
  { code: 'VP', description: 'Verbal abuse or threatening behaviour against a pupil' },
  { code: 'VA', description: 'Verbal abuse or threatening behaviour against an adult' },
  { code: 'BU', description: 'Bullying' },
  { code: 'RA', description: 'Racist abuse' },
  { code: 'AB', description: 'Abuse against sexual orientation and gender identity' },
  { code: 'AD', description: 'Abuse relating to disability' },
  { code: 'SM', description: 'Sexual misconduct' },
  { code: 'DA', description: 'Drug and alcohol related' },
  { code: 'DB', description: 'Damage' },
  { code: 'TH', description: 'Theft' },
  { code: 'PD', description: 'Persistent or general disruptive behaviour' },
  { code: 'MT', description: 'Inappropriate use of social media or online technology' },
  { code: 'WP', description: 'Use or threat of use of an offensive weapon or prohibited item' },
] as const satisfies readonly CodedValue[];

/** One of the DfE suspension reason codes, e.g. "PD". */
export type SuspensionReasonCode = (typeof SUSPENSION_REASONS)[number]['code'];

/** SEN primary and secondary need types (school census and SEN2). */
export const SEN_NEED_TYPES = [
  { code: 'SPLD', description: 'Specific learning difficulty' },
  { code: 'MLD', description: 'Moderate learning difficulty' },
  { code: 'SLD', description: 'Severe learning difficulty' },
  { code: 'PMLD', description: 'Profound and multiple learning difficulty' },
  { code: 'SEMH', description: 'Social, emotional and mental health' },
  { code: 'SLCN', description: 'Speech, language and communication needs' },
  { code: 'HI', description: 'Hearing impairment' },
  { code: 'VI', description: 'Visual impairment' },
  { code: 'MSI', description: 'Multi-sensory impairment' },
  { code: 'PD', description: 'Physical disability' },
  { code: 'ASD', description: 'Autistic spectrum disorder' },
  { code: 'OTH', description: 'Other difficulty or disability' },
  { code: 'NSA', description: 'SEN support but no specialist assessment of type of need' },
] as const satisfies ReadonlyArray<CodedValue<SenNeedType>>;

/** School census SEN provision codes. */
export const SEN_PROVISIONS = [
  { code: 'N', description: 'No special educational need' },
  { code: 'K', description: 'SEN support' },
  { code: 'E', description: 'Education, health and care plan' },
] as const satisfies ReadonlyArray<CodedValue<SenProvision>>;

/** School census exclusion categories. */
export const SUSPENSION_CATEGORIES = [
  { code: 'FIXD', description: 'Suspension (fixed period)' },
  { code: 'LNCH', description: 'Lunchtime suspension' },
  { code: 'PERM', description: 'Permanent exclusion' },
] as const satisfies ReadonlyArray<CodedValue<SuspensionCategory>>;
