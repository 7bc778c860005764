// A cursor-paged list's states, the same on every screen: loading, failed, empty, or the rows; then a button
// that fetches the next page while there is one.
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CursorPages } from '../hooks/useCursorPages.ts';
import { Failed, Loading } from './States.tsx';

function MoreButton({
  pages: { query },
  label = 'More',
  variant = 'subtle',
}: {
  pages: CursorPages<unknown>;
  label?: string;
  variant?: 'subtle' | 'light';
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant={variant} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {label}
    </Button>
  );
}

export function PagedList<Row>({
  pages,
  empty,
  loadingLabel,
  moreLabel,
  moreVariant,
  children,
}: {
  pages: CursorPages<Row>;
  /** Shown when there are no rows; without it, an empty list goes to `children` like any other. */
  empty?: ReactNode;
  loadingLabel?: string;
  moreLabel?: string;
  moreVariant?: 'subtle' | 'light';
  children: (rows: Row[]) => ReactNode;
}) {
  const { query, rows } = pages;
  return (
    <>
      {query.isPending ? (
        <Loading label={loadingLabel} />
      ) : query.isError ? (
        <Failed error={query.error} />
      ) : rows.length === 0 && empty !== undefined ? (
        empty
      ) : (
        children(rows)
      )}
      <MoreButton pages={pages} label={moreLabel} variant={moreVariant} />
    </>
  );
}
