import { useMediaQuery } from '@mantine/hooks';

/**
 * True from Mantine's `md` breakpoint, where lists render as tables; below it (phones, small tablets with
 * the navigation open) they render as cards, so nothing scrolls sideways.
 */
export function useWideLayout(): boolean {
  return useMediaQuery('(min-width: 62em)', window.matchMedia('(min-width: 62em)').matches, { getInitialValueInEffect: false });
}
