import { registerEnumType } from 'type-graphql';

/** Which figure, owned by another subgraph, a measure is bound to (see figures/figure-sources.ts). */
export enum MeasureKind {
  EHC_PLANS_ISSUED_WITHIN_20_WEEKS = 'EHC_PLANS_ISSUED_WITHIN_20_WEEKS',
  WAITING_52_WEEKS_OR_MORE = 'WAITING_52_WEEKS_OR_MORE',
  WAITING_UNDER_18_WEEKS = 'WAITING_UNDER_18_WEEKS',
  SUSPENSIONS_OF_PUPILS_WITH_SEN = 'SUSPENSIONS_OF_PUPILS_WITH_SEN',
  LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS = 'LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS',
}
registerEnumType(MeasureKind, {
  name: 'MeasureKind',
  description: 'The figure a measure tracks, and which service owns it.',
  valuesConfig: {
    EHC_PLANS_ISSUED_WITHIN_20_WEEKS: { description: "The share of EHC plans issued in the month within 20 weeks of the request (the send service's EHC timeliness)." },
    WAITING_52_WEEKS_OR_MORE: { description: "Children waiting 52 weeks or more for one health service at the month end (the health service's waiting times)." },
    WAITING_UNDER_18_WEEKS: { description: "The share of children waiting for one health service who had waited under 18 weeks at the month end (the health service's waiting times)." },
    SUSPENSIONS_OF_PUPILS_WITH_SEN: { description: "Suspensions in the month of pupils with SEN support or an EHC plan (the schools service's suspension figures)." },
    LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS: {
      description: "The share of requests for locality support received in the month that the locality's single point of contact answered within 2 working days (the localities service's support figures).",
    },
  },
});

/** What a measure's value is: a share from 0 to 1, or a count of children or events. */
export enum MeasureUnit {
  SHARE = 'SHARE',
  COUNT = 'COUNT',
}
registerEnumType(MeasureUnit, {
  name: 'MeasureUnit',
  description: 'What kind of number a measure is.',
  valuesConfig: {
    SHARE: { description: 'A share from 0 to 1 (0.6 is 60%); its targets are shares too.' },
    COUNT: { description: 'A whole number of children or events; its targets are whole numbers.' },
  },
});

/** Whether a bigger value is better: the direction a target is met in. */
export enum TargetDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(TargetDirection, {
  name: 'TargetDirection',
  description: 'Which way a target is met.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'Met at or above the target (e.g. plans within 20 weeks).' },
    LOWER_IS_BETTER: { description: 'Met at or below the target (e.g. children waiting a year).' },
  },
});

/** Red, amber or green: a progress rating set by people (action-plan lines). */
export enum Rag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(Rag, {
  name: 'Rag',
  description: 'A progress rating: red, amber or green.',
  valuesConfig: {
    RED: { description: 'Off track: the board needs to act.' },
    AMBER: { description: 'At risk, or behind but recovering.' },
    GREEN: { description: 'On track, or done.' },
  },
});

/** A measure's rating against its target, worked out from the figure; or why there is none. */
export enum MeasureRating {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
  NOT_RATED = 'NOT_RATED',
}
registerEnumType(MeasureRating, {
  name: 'MeasureRating',
  description: "A measure's rating against its target, worked out from the latest month's figure as its owner published it.",
  valuesConfig: {
    RED: { description: 'Worse than the amber threshold.' },
    AMBER: { description: 'Short of the target, but at or better than the amber threshold.' },
    GREEN: { description: 'At or better than the target.' },
    NOT_RATED: { description: 'Not rated: there is no target, or the figure is withheld or not available (see notRatedBecause). Never rated as if the figure were 0.' },
  },
});

/** Why a measure has no rating. */
export enum NotRatedReason {
  NO_TARGET = 'NO_TARGET',
  FIGURE_WITHHELD = 'FIGURE_WITHHELD',
  FIGURE_NOT_AVAILABLE = 'FIGURE_NOT_AVAILABLE',
}
registerEnumType(NotRatedReason, {
  name: 'NotRatedReason',
  description: 'Why a measure is not rated.',
  valuesConfig: {
    NO_TARGET: { description: 'No target is set for it here (a locality is rated on a count only against its own target).' },
    FIGURE_WITHHELD: { description: 'The latest figure is withheld to protect individuals (small numbers): there is not enough data to rate.' },
    FIGURE_NOT_AVAILABLE: { description: 'The latest figure is not available or not applicable, or its owner did not answer.' },
  },
});
