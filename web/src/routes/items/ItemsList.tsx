// Items: instant search, filters and facets, sortable columns, pages loaded as you scroll (cursor pages, so
// 100,000 items cost no more than the ones on screen), saved views, and bulk changes to the selected items.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, must } from '../../api/client.ts';
import type { Item } from '../../api/types.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { Empty } from '../../components/States.tsx';
import { useCursorPages } from '../../hooks/useCursorPages.ts';
import { useCan } from '../../hooks/useMe.ts';
import { BulkActions } from './BulkActions.tsx';
import { ItemFilters } from './ItemFilters.tsx';
import { ItemRows } from './ItemRows.tsx';
import { toItemQuery } from './list-params.ts';
import { SavedViews } from './SavedViews.tsx';

const pageSize = 50;

export default function ItemsList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => toItemQuery(params), [params]);
  const can = useCan();
  const [selected, setSelected] = useState<Map<number, Item>>(new Map());

  const list = useCursorPages(
    ['items', 'list', query],
    (cursor) =>
      must(
        api.GET('/api/v1/items', {
          params: {
            query: {
              ...query,
              limit: pageSize,
              ...(cursor ? { cursor } : { facets: 'true' as const }),
            },
          },
        }),
      ),
    { keepPrevious: true },
  );
  const first = list.query.data?.pages[0];

  // Load the next page as the end of the list scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list.query;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries[0]?.isIntersecting && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Items
        </Title>
        <Group gap="xs">
          <SavedViews params={params} onApply={(search) => setParams(new URLSearchParams(search))} />
          {can('items:write') && (
            <Button component={Link} to="/items/new">
              New item
            </Button>
          )}
        </Group>
      </Group>

      <ItemFilters params={params} facets={first?.facets} onChange={update} />

      {first?.corrected_q && (
        <Alert color="blue" variant="light">
          Nothing matched “{params.get('q')}”; showing results for “{first.corrected_q}”.
        </Alert>
      )}

      {selected.size > 0 && can('items:write') && (
        <BulkActions selected={[...selected.values()]} onDone={() => setSelected(new Map())} />
      )}

      <PagedList
        pages={list}
        loadingLabel="Loading items…"
        moreLabel="Load more"
        empty={
          <Empty title="No items found">
            {params.toString()
              ? 'Try fewer filters or another search.'
              : 'Add the first item with “New item”.'}
          </Empty>
        }
      >
        {(items) => (
          <>
            <ItemRows
              items={items}
              sort={params.get('sort')}
              onSort={(sort) => update({ sort })}
              selectable={can('items:write')}
              selected={selected}
              onSelect={setSelected}
            />
            <div ref={sentinel} />
            {!hasNextPage && (
              <Text size="sm" c="dimmed" ta="center">
                {items.length} {items.length === 1 ? 'item' : 'items'}
              </Text>
            )}
          </>
        )}
      </PagedList>
    </Stack>
  );
}
