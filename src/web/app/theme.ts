import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9: white text on a filled button reaches the 4.5:1 contrast WCAG AA asks for (shade 6 is 2.6:1).
  primaryShade: 9,
  fontFamily: 'var(--sanad-font)',
  headings: { fontFamily: 'var(--sanad-font)' },
  defaultRadius: 'md',
  // Field staff tap on phones: keep inputs and buttons at a comfortable size, and let a long French or
  // Arabic button label wrap onto a second line instead of being cut off on a 360 px screen.
  components: {
    Button: {
      defaultProps: { size: 'md' },
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 6 },
        label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center', lineHeight: 1.3 },
      },
    },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
  },
});

/** Darker secondary and error text than Mantine's defaults, for 4.5:1 contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7]!,
    '--mantine-color-error': t.colors.red[9]!,
    '--mantine-color-anchor': t.colors.teal[9]!,
    // The active navigation link's pale background: lighter than Mantine's, so its dark text keeps 4.5:1.
    '--mantine-color-teal-light': t.colors.teal[0]!,
  },
  dark: {},
});
