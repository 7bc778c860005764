// Flat rows with a parent id → a tree, children sorted by name.
export interface TreeNode<T> {
  row: T;
  children: TreeNode<T>[];
}

export function buildTree<T extends { id: number; name: string }>(
  rows: T[],
  parentOf: (row: T) => number | null,
): TreeNode<T>[] {
  const nodes = new Map(rows.map((row) => [row.id, { row, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = parentOf(node.row);
    const parent = parentId === null ? undefined : nodes.get(parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => a.row.name.localeCompare(b.row.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
