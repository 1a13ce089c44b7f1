import { mergeThemeOverrides, Modal, Notification } from '@mantine/core';
import { baseTheme } from './base-theme';

export { cssVariablesResolver } from './base-theme';

/** The app's theme: the OpenAMS look (base-theme.ts) plus defaults of the app's components. */
export const theme = mergeThemeOverrides(baseTheme, {
  components: {
    Modal: Modal.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' }, radius: 'lg' },
    }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
  },
});
