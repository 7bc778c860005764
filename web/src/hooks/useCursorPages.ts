// A list endpoint read page by page ({data, next_cursor}): one infinite query keyed by the caller, and the rows
// of every page fetched so far, in order.
import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';

export interface CursorPage<Row> {
  data: Row[];
  next_cursor: string | null;
}

export function useCursorPages<Page extends CursorPage<unknown>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  // Keep showing the last answer while a changed filter loads, rather than flashing the loading state.
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    ...(keepPrevious && { placeholderData: keepPreviousData }),
  });
  const rows = useMemo(
    () => (query.data?.pages.flatMap((page) => page.data) ?? []) as Page['data'][number][],
    [query.data],
  );
  return { query, rows };
}

export type CursorPages<Row> = ReturnType<typeof useCursorPages<CursorPage<Row>>>;
