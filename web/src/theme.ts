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
    // Likewise alert titles: yellow or red text on a tint of itself is under 3:1.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    // Mantine's close buttons are unnamed icons: name them for screen readers.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

// Mantine's dimmed grey (gray.6) is 3.3:1 on white; gray.7 passes WCAG AA for small text. So does red.8 for
// the error text beside a field (red.6 does not).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
