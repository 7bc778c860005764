// A list screen's filters kept in the URL, so a filtered list can be bookmarked and shared. Changing a filter
// replaces the history entry rather than adding one, and an empty value removes the filter.
import { useSearchParams } from 'react-router';

export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return [params, setFilter] as const;
}
