/**
 * Alert titles in the page's text colour: Mantine 9 writes them in the colour's shade 9 on its shade 1,
 * which for teal, orange or yellow stays below the 4.5:1 contrast WCAG AA asks for.
 */
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } } as const;
