import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the operation asks for `field` directly under the field being resolved,
 * through fragments too (a `@skip`/`@include` condition is not evaluated: asked for is
 * enough). Resolvers use it to read a related record in the same statement as its
 * parent (`loaders.prefetch`) only when someone will read it.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, field: string): boolean {
  const visited = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === field;
      if (selection.kind === 'InlineFragment') return within(selection.selectionSet);
      const name = selection.name.value;
      if (visited.has(name)) return false;
      visited.add(name);
      return within(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node: FieldNode) => within(node.selectionSet));
}
