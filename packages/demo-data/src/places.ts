/**
 * Kent's districts, their towns and villages, and the pieces school names are made
 * of. Populations are the 2021 census (thousands) and only set relative sizes.
 */
import type { Heritage } from './names.js';

export interface LocalityTemplate {
  id: string;
  name: string;
  population: number;
  /** Towns and villages in the district, largest first; school names use them. */
  places: readonly string[];
  /** Local over- or under-representation of heritages relative to the county. */
  heritage?: Partial<Record<Heritage, number>>;
}

/** Kent County Council, the default area. */
export const KENT = { code: 'E10000016', laNumber: 886, name: 'Kent' } as const;

export const KENT_LOCALITIES: readonly LocalityTemplate[] = [
  {
    id: 'ashford',
    name: 'Ashford',
    population: 132,
    places: ['Ashford', 'Kennington', 'Willesborough', 'Tenterden', 'Charing', 'Wye', 'Hamstreet', 'Great Chart', 'Smarden', 'Bethersden'],
    heritage: { NEPALI: 2, EASTERN_EUROPEAN: 1.3 },
  },
  {
    id: 'canterbury',
    name: 'Canterbury',
    population: 157,
    places: ['Canterbury', 'Whitstable', 'Herne Bay', 'Sturry', 'Chartham', 'Bridge', 'Blean', 'Herne', 'Littlebourne', 'Barham'],
    heritage: { EAST_ASIAN: 1.6 },
  },
  {
    id: 'dartford',
    name: 'Dartford',
    population: 116,
    places: ['Dartford', 'Swanscombe', 'Greenhithe', 'Wilmington', 'Stone', 'Sutton-at-Hone', 'Bean', 'Joydens Wood', 'Darenth', 'Ebbsfleet'],
    heritage: { AFRICAN: 3, SOUTH_ASIAN: 1.6, EASTERN_EUROPEAN: 1.3, BRITISH: 0.85 },
  },
  {
    id: 'dover',
    name: 'Dover',
    population: 116,
    places: ['Dover', 'Deal', 'Sandwich', 'Aylesham', 'Whitfield', 'River', 'Eastry', "St Margaret's-at-Cliffe", 'Walmer', 'Eythorne'],
  },
  {
    id: 'folkestone-and-hythe',
    name: 'Folkestone and Hythe',
    population: 109,
    places: ['Folkestone', 'Hythe', 'New Romney', 'Lydd', 'Sandgate', 'Cheriton', 'Lyminge', 'Hawkinge', 'Dymchurch', 'Saltwood'],
    heritage: { NEPALI: 6 },
  },
  {
    id: 'gravesham',
    name: 'Gravesham',
    population: 106,
    places: ['Gravesend', 'Northfleet', 'Meopham', 'Istead Rise', 'Higham', 'Cobham', 'Shorne', 'Vigo', 'Painters Ash', 'Riverview Park'],
    heritage: { SOUTH_ASIAN: 4, AFRICAN: 1.8, EASTERN_EUROPEAN: 1.3, BRITISH: 0.8 },
  },
  {
    id: 'maidstone',
    name: 'Maidstone',
    population: 175,
    places: ['Maidstone', 'Bearsted', 'Coxheath', 'Headcorn', 'Marden', 'Lenham', 'Staplehurst', 'Allington', 'Boughton Monchelsea', 'Harrietsham'],
    heritage: { EASTERN_EUROPEAN: 1.5, NEPALI: 1.5 },
  },
  {
    id: 'sevenoaks',
    name: 'Sevenoaks',
    population: 121,
    places: ['Sevenoaks', 'Swanley', 'Edenbridge', 'Westerham', 'Otford', 'Kemsing', 'Dunton Green', 'Hextable', 'Seal', 'Leigh'],
  },
  {
    id: 'swale',
    name: 'Swale',
    population: 151,
    places: ['Sittingbourne', 'Faversham', 'Sheerness', 'Minster-on-Sea', 'Teynham', 'Iwade', 'Eastchurch', 'Queenborough', 'Milton Regis', 'Bobbing'],
    heritage: { EASTERN_EUROPEAN: 1.3 },
  },
  {
    id: 'thanet',
    name: 'Thanet',
    population: 140,
    places: ['Margate', 'Ramsgate', 'Broadstairs', 'Birchington', 'Westgate-on-Sea', 'Minster', 'Cliftonville', 'Garlinge', 'Monkton', 'St Peters'],
    heritage: { EASTERN_EUROPEAN: 1.7, MIDDLE_EASTERN: 1.5 },
  },
  {
    id: 'tonbridge-and-malling',
    name: 'Tonbridge and Malling',
    population: 132,
    places: ['Tonbridge', 'West Malling', 'Snodland', 'Kings Hill', 'Aylesford', 'Larkfield', 'Hildenborough', 'Borough Green', 'Ditton', 'Hadlow'],
  },
  {
    id: 'tunbridge-wells',
    name: 'Tunbridge Wells',
    population: 115,
    places: ['Royal Tunbridge Wells', 'Southborough', 'Paddock Wood', 'Cranbrook', 'Hawkhurst', 'Pembury', 'Rusthall', 'Benenden', 'Goudhurst', 'Langton Green'],
  },
];

export const SAINTS: readonly string[] = [
  'Mary', 'Peter', 'John', 'Paul', 'Michael', 'Nicholas', 'George', 'Margaret', 'Stephen', 'Andrew', 'James',
  'Augustine', 'Thomas', 'Joseph', 'Anselm', 'Edmund', 'Lawrence', 'Martin', 'Mildred', 'Eanswythe',
  'Bartholomew', 'Katharine', 'Faith', 'Ethelbert', 'Dunstan', 'Alban', 'Botolph', 'Leonard', 'Mark', 'Luke',
];

/** Descriptive names that many English schools share. */
export const SCHOOL_WORDS: readonly string[] = [
  'Oakfield', 'Ashgrove', 'Hillview', 'Brookfield', 'Meadowside', 'Beechwood', 'Riverside', 'Westlands',
  'Elm Tree', 'Greenfields', 'Highfield', 'Fairview', 'Woodlands', 'Kingsmead', 'Parkside', 'Orchard',
  'Hazelwood', 'Willowbrook', 'Foxwood', 'Heathfield', 'Longmead', 'Millbrook', 'Castle Hill', 'Downs View',
  'Seaview', 'Cherry Orchard', 'Hop Garden', 'Chalk Hill', 'Marshlands', 'Stour Valley', 'Weald', 'Bluebell',
  'Kingfisher', 'Lime Tree', 'Holywell', 'Sandown', 'Northdown', 'Copperfield', 'Goldfinch', 'Oaktree',
];
