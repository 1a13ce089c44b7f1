import { type CSSVariablesResolver, createTheme, darken } from '@mantine/core';

/**
 * The OpenAMS look: indigo primary, system fonts (no external requests), rounded cards. Shades are
 * picked so text and filled buttons pass WCAG AA contrast (4.5:1) on white. The public pages use
 * this; the app adds its components' defaults (theme.ts) — kept apart so the public bundle does
 * not carry the components those defaults name.
 */
export const baseTheme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  respectReducedMotion: true,
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

/** Light colors whose "light" variant text (shade 9 on shade 1) is under 4.5:1. */
const PALE = ['green', 'teal', 'yellow', 'orange', 'lime', 'cyan'] as const;

/** Darker dimmed, link, error and light-variant text than Mantine's defaults, for contrast. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(PALE.map((c) => [`--mantine-color-${c}-light-color`, darken(t.colors[c][9], 0.3)])),
    // Red text (delete, revoke) on its hover background stays above 4.5:1.
    '--mantine-color-red-light': 'var(--mantine-color-red-0)',
    '--mantine-color-red-light-hover': 'var(--mantine-color-red-1)',
  },
  dark: {},
});
