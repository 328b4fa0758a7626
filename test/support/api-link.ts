import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP relay between the browser and the API that a test can cut, as an outage cuts the network.
 *
 * Playwright's `context.setOffline` emulates offline through DevTools, which fails the page's own
 * requests but not a `fetch(…, { keepalive: true })` sent on `pagehide`: that request outlives the
 * page and goes out (Playwright does not even see it). Cutting the link fails it as a real outage would.
 */
export interface ApiLink {
  /** `http://localhost:<port>`: give this to the browser as the API's base URL. */
  url: string;
  /** Drops every open connection and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  /** Connections refused while cut: what tried to reach the API during the outage. */
  readonly refused: number;
  close(): Promise<void>;
}

export async function startApiLink(target: string): Promise<ApiLink> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let cut = false;
  let refused = 0;

  const server = createServer((incoming) => {
    if (cut) {
      refused += 1;
      incoming.destroy();
      return;
    }
    const outgoing = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    for (const socket of [incoming, outgoing]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The API link has no port');

  return {
    url: `http://localhost:${address.port}`,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
