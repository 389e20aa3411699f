import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { formatIsoDate } from './date.js';
import { InvalidIdentifierError, validateIdentifier, type IdentifierKind } from './errors.js';

interface ScalarSpec {
  name: IdentifierKind;
  description: string;
  specifiedByURL: string;
  /** Turns a resolver's value into the canonical string, or returns undefined when it cannot. */
  toOutputString?: (value: unknown) => string | undefined;
}

function identifierScalar(spec: ScalarSpec): GraphQLScalarType<string, string> {
  const { name } = spec;
  const toOutput = spec.toOutputString ?? ((value: unknown) => (typeof value === 'string' ? value : undefined));
  return new GraphQLScalarType<string, string>({
    name,
    description: spec.description,
    specifiedByURL: spec.specifiedByURL,
    serialize(value) {
      const text = toOutput(value);
      const reason = text === undefined ? 'not a string' : validateIdentifier(name, text);
      if (reason !== null) {
        // The value came from our own data, not the client, so this is a server fault;
        // the value itself is left out because it may be personal data bound for logs.
        throw new GraphQLError(`A ${name} field returned an invalid value: ${reason}`, {
          extensions: { code: 'INTERNAL_SERVER_ERROR', identifier: name, reason },
        });
      }
      return text!;
    },
    parseValue(value) {
      const reason = validateIdentifier(name, value);
      if (reason !== null) throw new InvalidIdentifierError(name, value, reason);
      return value as string;
    },
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) {
        const printed = print(ast);
        throw new InvalidIdentifierError(name, printed, 'must be a string', { nodes: ast, display: printed });
      }
      const reason = validateIdentifier(name, ast.value);
      if (reason !== null) throw new InvalidIdentifierError(name, ast.value, reason, { nodes: ast });
      return ast.value;
    },
  });
}

/** GraphQL scalar `NhsNumber`: ten digits with a modulus 11 check digit, passed as a string. */
export const NhsNumberScalar = identifierScalar({
  name: 'NhsNumber',
  description:
    'An NHS number: 10 digits whose last digit is a modulus 11 check digit. Written without spaces, ' +
    'e.g. "9434765919". Numbers starting 999 are never issued and are used for test data.',
  specifiedByURL: 'https://www.datadictionary.nhs.uk/attributes/nhs_number.html',
});

/** GraphQL scalar `Upn`: a 13-character unique pupil number with a correct check letter. */
export const UpnScalar = identifierScalar({
  name: 'Upn',
  description:
    'A unique pupil number (UPN) from the Department for Education: 13 characters, a check letter followed by ' +
    'the 3-digit local authority number, 4-digit establishment number, 2-digit year of allocation and 3-digit ' +
    'serial, e.g. "B801200005001". A temporary UPN ends in a letter instead of the last digit.',
  specifiedByURL: 'https://www.gov.uk/government/publications/unique-pupil-numbers',
});

/** GraphQL scalar `Urn`: a 6-digit school unique reference number. */
export const UrnScalar = identifierScalar({
  name: 'Urn',
  description:
    'A unique reference number (URN) for a school or other education establishment, as shown on ' +
    'Get Information About Schools: 6 digits, e.g. "118532".',
  specifiedByURL: 'https://get-information-schools.service.gov.uk/',
  // Databases often hold URNs as integers; accept those on the way out.
  toOutputString: (value) =>
    typeof value === 'string' ? value : typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined,
});

/** GraphQL scalar `LaCode`: a 9-character ONS code for a local authority. */
export const LaCodeScalar = identifierScalar({
  name: 'LaCode',
  description:
    'The Office for National Statistics code for a local authority: a country letter and 8 digits, e.g. ' +
    '"E10000016" for Kent. English councils start E06 (unitary), E07 (district), E08 (metropolitan), ' +
    'E09 (London borough) or E10 (county).',
  specifiedByURL: 'https://www.ons.gov.uk/methodology/geography/geographicalproducts/namesandcodes',
});

/** GraphQL scalar `LocalDate`: a calendar date without a time, "yyyy-mm-dd". Resolvers may return a Date (its UTC day is used). */
export const LocalDateScalar = identifierScalar({
  name: 'LocalDate',
  description:
    'A calendar date with no time of day or time zone, written year-month-day, e.g. "2026-11-20" ' +
    'for 20 November 2026. Dates of birth and term dates use this.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339',
  toOutputString: (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return formatIsoDate(value);
    return undefined;
  },
});

/** All the identifier scalars, for adding to a schema's resolvers in one go. */
export const IDENTIFIER_SCALARS = {
  NhsNumber: NhsNumberScalar,
  Upn: UpnScalar,
  Urn: UrnScalar,
  LaCode: LaCodeScalar,
  LocalDate: LocalDateScalar,
} as const satisfies Record<IdentifierKind, GraphQLScalarType<string, string>>;
