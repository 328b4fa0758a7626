import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loyaltyTokenRoute } from '../merchant-backend/vite-plugin.ts';

// The package.json scripts load this file with `--configLoader runner`: through the token route it imports the
// workspace's SDK, whose exports are TypeScript sources that Node 20 cannot load itself. An app using the published
// packages (JavaScript in dist/) needs no flag.

export default defineConfig({
  plugins: [react(), loyaltyTokenRoute()],
  server: { port: 5173 },
  preview: { port: 4173 },
});
