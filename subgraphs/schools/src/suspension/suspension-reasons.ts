/**
 * The DfE's reasons for a suspension or permanent exclusion, as the school census
 * codes them (up to three per suspension). Kept as data: the migration's CHECK
 * constraint lists the same codes.
 */
export const SUSPENSION_REASONS: Readonly<Record<string, string>> = {
  PP: 'Physical assault against a pupil',
  PA: 'Physical assault against an adult',
  VP: 'Verbal abuse or threatening behaviour against a pupil',
  VA: 'Verbal abuse or threatening behaviour against an adult',
  BU: 'Bullying',
  RA: 'Racist abuse',
  AB: 'Abuse against sexual orientation and gender identity',
  AD: 'Abuse relating to disability',
  SM: 'Sexual misconduct',
  DA: 'Drug and alcohol related',
  DB: 'Damage',
  TH: 'Theft',
  PD: 'Persistent or general disruptive behaviour',
  MT: 'Inappropriate use of social media or online technology',
  WP: 'Use or threat of use of an offensive weapon or prohibited item',
};
