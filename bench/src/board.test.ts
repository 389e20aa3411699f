import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardOperation } from './board.js';

const county = { localAreaCode: 'E10000016', asOf: '2026-11-20' };
const examples = () => mkdtempSync(path.join(os.tmpdir(), 'bench-board-'));

describe("the board's view scenario", () => {
  it('is not available while the commissioning subgraph is not in the supergraph', () => {
    expect(boardOperation({ subgraphs: ['localities', 'schools'], check: () => [] }, county, examples())).toEqual({
      unavailable: 'the commissioning subgraph is not in the supergraph',
    });
  });

  it('runs the example board operation once the subgraph is there, filling the area code and date', () => {
    const dir = examples();
    writeFileSync(path.join(dir, 'board-view.graphql'), 'query BoardView($laCode: LaCode!, $asOf: LocalDate) { localArea(code: $laCode) { name } }');
    const board = boardOperation({ subgraphs: ['localities', 'commissioning'], check: () => [] }, county, dir);
    expect(board).toMatchObject({ file: 'examples/board-view.graphql', variables: { laCode: 'E10000016', asOf: '2026-11-20' } });
  });

  it('says why when the operation is missing, invalid, or needs what it cannot fill', () => {
    const dir = examples();
    const info = { subgraphs: ['commissioning'], check: () => [] };
    expect(boardOperation(info, county, dir)).toEqual({ unavailable: 'no board operation in examples/ (board-view.graphql)' });
    writeFileSync(path.join(dir, 'board-view.graphql'), 'query ($workstream: ID!) { x }');
    expect(boardOperation({ ...info, check: () => ['Cannot query field "x"'] }, county, dir)).toEqual({ unavailable: 'examples/board-view.graphql does not validate: Cannot query field "x"' });
    expect(boardOperation(info, county, dir)).toEqual({ unavailable: 'examples/board-view.graphql needs $workstream (ID), which the benchmark cannot fill' });
  });
});
