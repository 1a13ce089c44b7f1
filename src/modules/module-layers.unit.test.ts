// The module rooms have doors and the house has floors (docs/ARCHITECTURE.md): modules import only
// modules below them, there is no cycle besides the listed upward imports, and the lists of what is
// still wrong only shrink.
import { describe, expect, it } from 'vitest';
import legacyTableReaders from '../../eslint/legacy-table-readers.json' with { type: 'json' };
import {
  buildModuleGraph,
  cycles,
  KNOWN_UPWARD,
  LAYERS,
  tableReaders,
  upwardEdges,
} from '../../scripts/module-graph.ts';

const graph = buildModuleGraph();

describe('module layers', () => {
  it('places every module in exactly one layer', () => {
    const placed = Object.values(LAYERS).flat();
    expect([...placed].sort()).toEqual(graph.modules);
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('has no upward import besides the known ones, and each known one still exists', () => {
    expect(upwardEdges(graph.edges)).toEqual([...KNOWN_UPWARD].sort());
  });

  it('has no cycle once the known upward imports are taken out', () => {
    const edges = new Map([...graph.edges].map(([m, to]) => [m, new Set(to)]));
    for (const e of KNOWN_UPWARD) {
      const [from, to] = e.split(' -> ');
      edges.get(from!)!.delete(to!);
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle and an upward import when there is one', () => {
    const edges = new Map([
      ['access', new Set(['audit'])],
      ['audit', new Set(['access'])],
      ['users', new Set<string>()],
    ]);
    expect(cycles(edges)).toEqual([['access', 'audit']]);
    expect(upwardEdges(edges)).toEqual(['access -> audit']);
  });

  it("lists exactly the files that still read another module's tables", () => {
    const readers = [...tableReaders(graph).keys()].filter((f) => f.startsWith('src/modules/'));
    expect(readers.sort()).toEqual(legacyTableReaders.filter((f) => f.startsWith('src/modules/')).sort());
  });
});
