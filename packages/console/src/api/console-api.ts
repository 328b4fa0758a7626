import { AdminOverview, ConsoleConfig, ConsoleSession, consolePaths } from '@loyalty-elements/contract';
import { call, read } from './transport.ts';

export { ConsoleApiError } from './transport.ts';

export const consoleApi = {
  config: () => read(ConsoleConfig, consolePaths.config),
  /** The signed-in session, or a ConsoleApiError with status 401 when there is none. */
  session: () => read(ConsoleSession, consolePaths.session),
  async signIn(secretKey: string): Promise<void> {
    await call(consolePaths.session, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secretKey }),
    });
  },
  async signOut(): Promise<void> {
    await call(consolePaths.session, { method: 'DELETE' });
  },
  overview: () => read(AdminOverview, consolePaths.overview),
};
