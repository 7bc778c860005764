import { describe, expect, it } from 'vitest';
import { buildTree } from './tree.ts';

const row = (id: number, name: string, parent: number | null) => ({ id, name, parent });

describe('buildTree', () => {
  it('nests rows under their parents, each level sorted by name', () => {
    const tree = buildTree(
      [row(1, 'Site B', null), row(2, 'Site A', null), row(3, 'Room 2', 1), row(4, 'Room 1', 1)],
      (r) => r.parent,
    );
    expect(tree.map((n) => n.row.name)).toEqual(['Site A', 'Site B']);
    expect(tree[1]!.children.map((n) => n.row.name)).toEqual(['Room 1', 'Room 2']);
  });

  it('shows a row whose parent is out of sight (another scope) at the top, not nowhere', () => {
    const tree = buildTree([row(5, 'Floor 3', 99)], (r) => r.parent);
    expect(tree.map((n) => n.row.name)).toEqual(['Floor 3']);
  });
});
