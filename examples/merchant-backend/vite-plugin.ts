import type { IncomingMessage, ServerResponse } from 'node:http';
import { loyaltyToken } from './loyalty-token.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** What the plugin needs of Vite's dev and preview servers (kept structural: this package does not depend on Vite). */
interface ServerWithMiddlewares {
  middlewares: { use(route: string, handler: Handler): unknown };
}

/**
 * A Vite plugin that answers the token route from `vite` and `vite preview`, as a real app's dev proxy would
 * forward it to the merchant's backend.
 */
export function loyaltyTokenRoute(route = '/api/loyalty-token') {
  const mount = (server: ServerWithMiddlewares): void => {
    server.middlewares.use(route, (req, res, next) => void loyaltyToken(req, res).catch(next));
  };
  return { name: 'loyalty-token-route', configureServer: mount, configurePreviewServer: mount };
}
