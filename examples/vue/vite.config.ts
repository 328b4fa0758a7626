import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { loyaltyTokenRoute } from '../merchant-backend/vite-plugin.ts';

// The package.json scripts load this file with `--configLoader runner`: through the token route it imports the
// workspace's SDK, whose exports are TypeScript sources that Node 20 cannot load itself. An app using the published
// packages (JavaScript in dist/) needs no flag.

export default defineConfig({
  plugins: [
    // The `loyalty-*` tags are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('loyalty-') } } }),
    loyaltyTokenRoute(),
  ],
  server: { port: 5174 },
  preview: { port: 4174 },
});
