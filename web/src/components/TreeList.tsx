// An expandable tree as nested lists: a toggle button per branch (keyboard and screen-reader friendly).
import { ActionIcon, Box, Group } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { TreeNode } from './tree.ts';

interface Props<T> {
  nodes: TreeNode<T>[];
  render: (row: T) => ReactNode;
  label: (row: T) => string;
  depth?: number;
}

function Branch<T>({
  node,
  render,
  label,
  depth,
}: {
  node: TreeNode<T>;
  render: Props<T>['render'];
  label: Props<T>['label'];
  depth: number;
}) {
  const [open, setOpen] = useState(depth === 0);
  const hasChildren = node.children.length > 0;
  return (
    <li>
      <Group
        gap={4}
        wrap="nowrap"
        py={4}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            size={36}
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${label(node.row)}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
        ) : (
          <Box w={36} />
        )}
        <Box flex={1} miw={0}>
          {render(node.row)}
        </Box>
      </Group>
      {hasChildren && open && (
        <TreeList nodes={node.children} render={render} label={label} depth={depth + 1} />
      )}
    </li>
  );
}

export function TreeList<T>({ nodes, render, label, depth = 0 }: Props<T>) {
  return (
    <Box component="ul" m={0} pl={depth === 0 ? 0 : 'md'} style={{ listStyle: 'none' }}>
      {nodes.map((node, index) => (
        <Branch key={index} node={node} render={render} label={label} depth={depth} />
      ))}
    </Box>
  );
}
