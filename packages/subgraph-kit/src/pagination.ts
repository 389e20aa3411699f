import { badUserInput } from './errors.js';

/** Cursor-paging arguments as a client sends them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** Opaque cursor over the sort key of the last row seen (keyset paging: no OFFSET scans at county scale). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // fall through to the coded error
  }
  throw badUserInput(`"${cursor}" is not a cursor this API issued.`, argument);
}

/** Checks `first` and returns how many rows to fetch (one extra tells whether a next page exists). */
export function pageSize(args: PageArgs, argument = 'first'): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}; got ${first}.`, argument);
  }
  return first;
}

/** Turns `first + 1` fetched rows into a page: the rows, their cursors and whether more follow. */
export function connectionFrom<T>(rows: T[], first: number, keyOf: (row: T) => (string | number)[], totalCount: number) {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
  };
}
