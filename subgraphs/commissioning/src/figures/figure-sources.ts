/**
 * What a measure can be bound to: each kind reads one figure, month by month, from the
 * figures the gateway hands over in the LocalArea or Locality representation
 * (`@requires`). The owners compute and protect them; this subgraph only reads them,
 * never recomputes or combines them, so a withheld figure stays withheld.
 *
 * To bind a new kind (as the localities subgraph's 2-working-day response was bound):
 * the owner exposes its figure month by month as a field without arguments on
 * LocalArea and Locality; declare it here as @external (owned-figures.ts and the
 * entities in local-area/), add it to REQUIRED_FIGURES, add the kind to MeasureKind,
 * its source below, and the kind to the measure table's CHECK in a new migration.
 */
import { DisclosureSymbol } from '@local-area-graph/disclosure';
import { MeasureKind, MeasureUnit } from '../measure/measure-kind.js';

/** A published figure as the owner published it: a value, or a symbol saying why there is none. */
export interface Reading {
  /** The month it describes, written "2026-10". */
  month: string;
  value: number | null;
  suppressed: boolean;
  symbol: DisclosureSymbol | null;
  rounded: boolean;
}

/** A figure as it arrives in a representation: JSON, possibly incomplete, possibly forged. */
interface FigureJson {
  value?: unknown;
  suppressed?: unknown;
  symbol?: unknown;
  rounded?: unknown;
}

/** The owners' figures for one local area or locality, as the gateway hands them over. */
export interface OwnedFigures {
  ehcTimelinessLast12Months?: { month: string; share?: FigureJson }[] | null;
  waitingTimesLast12Months?: { serviceCode: string; months?: { month: string; over52Weeks?: FigureJson; shareUnder18Weeks?: FigureJson }[] | null }[] | null;
  suspensionsLast12Months?: { month: string; ofPupilsWithSen?: FigureJson }[] | null;
  supportFiguresLast12Months?: { month: string; shareAnsweredWithin2WorkingDays?: FigureJson }[] | null;
}

const FIGURE = 'value suppressed symbol rounded';

/** Every owned figure any measure kind reads, as the @requires field set of the board. */
export const REQUIRED_FIGURES = [
  `ehcTimelinessLast12Months { month share { ${FIGURE} } }`,
  `waitingTimesLast12Months { serviceCode months { month over52Weeks { ${FIGURE} } shareUnder18Weeks { ${FIGURE} } } }`,
  `suspensionsLast12Months { month ofPupilsWithSen { ${FIGURE} } }`,
  `supportFiguresLast12Months { month shareAnsweredWithin2WorkingDays { ${FIGURE} } }`,
].join(' ');

const SYMBOL_BY_NAME: Readonly<Record<string, DisclosureSymbol>> = {
  CONFIDENTIAL: DisclosureSymbol.CONFIDENTIAL,
  NOT_AVAILABLE: DisclosureSymbol.NOT_AVAILABLE,
  NOT_APPLICABLE: DisclosureSymbol.NOT_APPLICABLE,
};

/**
 * A figure from a representation, taken at its word only as far as it is safe: a
 * figure marked suppressed is withheld whatever value came with it, and anything
 * that is not a finite number is "not available", never 0.
 */
export function readingOf(month: string, json: FigureJson | null | undefined): Reading {
  if (json?.suppressed === true || json?.symbol === 'CONFIDENTIAL') {
    return { month, value: null, suppressed: true, symbol: DisclosureSymbol.CONFIDENTIAL, rounded: false };
  }
  const symbol = typeof json?.symbol === 'string' ? SYMBOL_BY_NAME[json.symbol] : undefined;
  if (symbol || typeof json?.value !== 'number' || !Number.isFinite(json.value)) {
    return { month, value: null, suppressed: false, symbol: symbol ?? DisclosureSymbol.NOT_AVAILABLE, rounded: false };
  }
  return { month, value: json.value, suppressed: false, symbol: null, rounded: json.rounded === true };
}

/** Where a kind's figure comes from and how to read it. */
export interface FigureSource {
  unit: MeasureUnit;
  /** The subgraph that owns the figure. */
  owner: string;
  /** The field it is read from, as a reader would ask the owner for it. */
  figure: string;
  /** The readings, oldest first, or null when the owner's figures did not arrive. */
  readings(figures: OwnedFigures, serviceCode: string | null): Reading[] | null;
  /**
   * The services the figure is published for, when it is published per service: a
   * measure of the kind names one of them (serviceCode), and only such a measure does.
   */
  serviceCodes?: readonly string[];
}

/**
 * The health service's NHS services, by code, as its reference data has them
 * (`nhs_service`, whose `nhsServices` query lists them): waiting times are published for
 * each. Written out here because this subgraph reads no other database;
 * tests/commissioning.e2e.ts checks that it is the health service's list.
 */
export const HEALTH_SERVICE_CODES = ['CAMHS', 'SALT', 'OT', 'PHYSIO', 'ASD_ASSESSMENT', 'ADHD_ASSESSMENT', 'WHEELCHAIR', 'COMMUNITY_PAEDIATRICS'] as const;

const service = (figures: OwnedFigures, code: string | null) => figures.waitingTimesLast12Months?.find((s) => s.serviceCode === code)?.months ?? null;

export const FIGURE_SOURCES: Readonly<Record<MeasureKind, FigureSource>> = {
  [MeasureKind.EHC_PLANS_ISSUED_WITHIN_20_WEEKS]: {
    unit: MeasureUnit.SHARE,
    owner: 'send',
    figure: 'ehcTimeliness(from, to) { share }',
    readings: (figures) => figures.ehcTimelinessLast12Months?.map((m) => readingOf(m.month, m.share)) ?? null,
  },
  [MeasureKind.WAITING_52_WEEKS_OR_MORE]: {
    unit: MeasureUnit.COUNT,
    owner: 'health',
    figure: 'waitingTimes(serviceCode, from, to) { over52Weeks }',
    readings: (figures, code) => service(figures, code)?.map((m) => readingOf(m.month, m.over52Weeks)) ?? null,
    serviceCodes: HEALTH_SERVICE_CODES,
  },
  [MeasureKind.WAITING_UNDER_18_WEEKS]: {
    unit: MeasureUnit.SHARE,
    owner: 'health',
    figure: 'waitingTimes(serviceCode, from, to) { shareUnder18Weeks }',
    readings: (figures, code) => service(figures, code)?.map((m) => readingOf(m.month, m.shareUnder18Weeks)) ?? null,
    serviceCodes: HEALTH_SERVICE_CODES,
  },
  [MeasureKind.SUSPENSIONS_OF_PUPILS_WITH_SEN]: {
    unit: MeasureUnit.COUNT,
    owner: 'schools',
    figure: 'suspensionsByMonth(from, to) { ofPupilsWithSen }',
    readings: (figures) => figures.suspensionsLast12Months?.map((m) => readingOf(m.month, m.ofPupilsWithSen)) ?? null,
  },
  [MeasureKind.LOCALITY_RESPONSE_WITHIN_2_WORKING_DAYS]: {
    unit: MeasureUnit.SHARE,
    owner: 'localities',
    figure: 'supportFigures(from, to) { shareAnsweredWithin2WorkingDays }',
    readings: (figures) => figures.supportFiguresLast12Months?.map((m) => readingOf(m.month, m.shareAnsweredWithin2WorkingDays)) ?? null,
  },
};
