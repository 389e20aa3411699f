import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The child's full picture, built from the running supergraph rather than written
 * by hand, so that what a subgraph adds to `Child` later (a new subgraph, the
 * locality's requests for support) joins the benchmark by itself: every field of
 * `Child` and, below it, of the child's own records, to a fixed depth. Other
 * entities met on the way (the locality, a school, a professional) give only the
 * plain fields that the subgraph which named them also holds (a plan's school by its
 * URN from SEND, the current school's name from schools): the picture is the child's
 * records, one fetch per subgraph after the register, not their school's figures. Left out:
 * fields that need an argument, paged lists, and `accessLog` (who looked, not the
 * child). Fields the caller may not see are then removed after a probe (see `without`).
 */
export interface Selection {
  name: string;
  children?: Selection[];
}

/** Levels below `child` the picture descends (child → education → suspensions → reasons → code). */
export const PICTURE_DEPTH = 4;

/** Fields of Child that are not part of the picture, and why. */
export const LEFT_OUT_OF_PICTURE: Record<string, string> = {
  accessLog: 'who looked at the child, not the child (and only for the lead professional)',
};

export function pictureSelection(schema: GraphQLSchema, entities: ReadonlySet<string>, fieldOwners: ReadonlyMap<string, string[]>): Selection[] {
  const child = schema.getType('Child');
  if (!child || !isObjectType(child)) throw new Error('the supergraph has no Child type');
  return fieldsOf(child, 1, { entities, fieldOwners }, null);
}

interface Known {
  entities: ReadonlySet<string>;
  fieldOwners: ReadonlyMap<string, string[]>;
}

function usable(field: GraphQLField<unknown, unknown>): boolean {
  if (field.deprecationReason) return false;
  if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return false;
  // A paged list grows with its page size: not one child's picture.
  if (field.args.some((arg) => arg.name === 'first' || arg.name === 'after')) return false;
  return true;
}

/** `via`: the subgraphs that resolve the field this type was reached by (null for Child itself). */
function fieldsOf(type: GraphQLObjectType, depth: number, known: Known, via: string[] | null): Selection[] {
  const selections: Selection[] = [];
  for (const field of Object.values(type.getFields())) {
    if (via === null && field.name in LEFT_OUT_OF_PICTURE) continue;
    if (!usable(field)) continue;
    const named = getNamedType(field.type);
    const owners = via ?? known.fieldOwners.get(`${type.name}.${field.name}`) ?? [];
    if (isLeafType(named)) {
      selections.push({ name: field.name });
    } else if (isObjectType(named)) {
      if (depth >= PICTURE_DEPTH) continue;
      // A record's own child (an assessment's, a request's) is the same child again: its id only,
      // or the picture would hold the child twice over.
      const children =
        named.name === 'Child' && via !== null
          ? [{ name: 'id' }]
          : known.entities.has(named.name) && named.name !== 'Child'
            ? plainFieldsOf(named, owners, known)
            : fieldsOf(named, depth + 1, known, owners);
      if (children.length > 0) selections.push({ name: field.name, children });
    }
  }
  return selections;
}

function plainFieldsOf(type: GraphQLObjectType, via: string[], known: Known): Selection[] {
  return Object.values(type.getFields())
    .filter((field) => usable(field) && field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .filter((field) => (known.fieldOwners.get(`${type.name}.${field.name}`) ?? []).some((owner) => via.includes(owner)))
    .map((field) => ({ name: field.name }));
}

/** The selection without the fields at these paths (`education.senStatus`, relative to `child`). */
export function without(selections: Selection[], paths: readonly string[]): Selection[] {
  const drop = new Set(paths);
  const walk = (list: Selection[], prefix: string): Selection[] =>
    list.flatMap((selection) => {
      const path = prefix ? `${prefix}.${selection.name}` : selection.name;
      if (drop.has(path)) return [];
      if (!selection.children) return [selection];
      const children = walk(selection.children, path);
      return children.length > 0 ? [{ name: selection.name, children }] : [];
    });
  return walk(selections, '');
}

export function render(selections: Selection[], indent = '    '): string {
  return selections
    .map((s) => (s.children ? `${indent}${s.name} {\n${render(s.children, `${indent}  `)}\n${indent}}` : `${indent}${s.name}`))
    .join('\n');
}

export function pictureOperation(selections: Selection[]): string {
  return `query ChildPicture($id: ID!) {\n  child(id: $id) {\n${render(selections)}\n  }\n}\n`;
}

/** Leaf fields in a selection: how big the picture is. */
export function countFields(selections: Selection[]): number {
  return selections.reduce((n, s) => n + (s.children ? countFields(s.children) : 1), 0);
}

/** Top-level fields of the picture and the subgraphs that own them (from the supergraph's join__field). */
export function topLevelOwners(selections: Selection[], fieldOwners: Map<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(selections.map((s) => [s.name, fieldOwners.get(`Child.${s.name}`) ?? []]));
}
