// Storybook for Loyalty Elements: the designers' home. `pnpm storybook` (port 6006) runs it;
// `pnpm build-storybook` writes the static site to dist/storybook. Both first regenerate
// packages/components/custom-elements.json, which the docs pages read.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // mockServiceWorker.js (from `pnpm exec msw init .storybook/public`) is served next to iframe.html.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
