// The demo category tree: items are only ever placed in its leaves.
import type { CategorySeed } from './category-catalog.ts';
import { facilitiesCategories } from './category-tree-facilities.ts';
import { itCategories } from './category-tree-it.ts';

export const categoryTree: CategorySeed[] = [itCategories, ...facilitiesCategories];

/** Every category of the tree, parents before children. */
export function flattenCategories(tree: CategorySeed[] = categoryTree): CategorySeed[] {
  return tree.flatMap((category) => [category, ...flattenCategories(category.children ?? [])]);
}
