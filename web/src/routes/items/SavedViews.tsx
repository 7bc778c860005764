// Saved views: name the current search and filters, come back to them later (kept in this browser).
import { Button, Menu, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { loadViews, storeViews, toItemQuery, type SavedView } from './list-params.ts';

export function SavedViews({
  params,
  onApply,
}: {
  params: URLSearchParams;
  onApply: (search: string) => void;
}) {
  const [views, setViews] = useState<SavedView[]>(loadViews);
  const [name, setName] = useState('');
  const current = new URLSearchParams(toItemQuery(params) as Record<string, string>).toString();

  const save = (next: SavedView[]) => {
    storeViews(next);
    setViews(next);
  };

  return (
    <Menu closeOnItemClick={false} position="bottom-end" width={280}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconBookmark size={18} aria-hidden />}>
          Views
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Saved views</Menu.Label>
        {views.length === 0 && <Menu.Item disabled>None yet</Menu.Item>}
        {views.map((view) => (
          <Menu.Item
            key={view.name}
            onClick={() => onApply(view.query)}
            rightSection={
              <IconTrash
                size={16}
                aria-label={`Delete view ${view.name}`}
                role="button"
                onClick={(event) => {
                  event.stopPropagation();
                  save(views.filter((v) => v.name !== view.name));
                }}
              />
            }
          >
            {view.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>Save the current search</Menu.Label>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            save([...views.filter((v) => v.name !== name.trim()), { name: name.trim(), query: current }]);
            setName('');
          }}
          style={{ padding: '0 8px 8px' }}
        >
          <TextInput
            aria-label="View name"
            placeholder="View name"
            size="sm"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            rightSection={
              <Button type="submit" size="compact-xs" variant="light">
                Save
              </Button>
            }
            rightSectionWidth={56}
          />
        </form>
      </Menu.Dropdown>
    </Menu>
  );
}
