// One theme: touch-sized controls on phones (44 px targets), system fonts, no web fonts to fetch.
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above WCAG AA contrast (shade 6 is 3.5:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  // Text on coloured backgrounds (badges, filled buttons) turns dark or light, whichever reads.
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // Tinted badges with the page's text colour: readable (WCAG AA) in every colour, light or dark scheme.
    Badge: { defaultProps: { variant: 'light' }, styles: { root: { color: 'var(--mantine-color-text)' } } },
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
  },
});

// Mantine's dimmed grey (gray.6) is 3.3:1 on white; gray.7 passes WCAG AA for small text.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
