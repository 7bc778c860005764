// Whether the screen is wide enough for tables; narrower screens (phones) get touch-sized cards instead.
import { useMediaQuery } from '@mantine/hooks';

export function useWideScreen() {
  return useMediaQuery('(min-width: 48em)', true);
}
