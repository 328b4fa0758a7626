import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with its n-th request (0-based): answer with a status, or hold it open and never answer. */
export type Reply = number | 'hang';

export interface Receiver {
  /** `http://127.0.0.1:<port>/hooks` */
  url: string;
  received: ReceivedRequest[];
  /** Changes what the next requests get. */
  reply: (next: (index: number) => Reply) => void;
  /** The most requests for one `webhook-id` that were open at the same time. */
  maxConcurrentPerId: () => number;
  /** Waits until `count` requests arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** A real HTTP receiver on loopback that records every webhook request. */
export async function startReceiver(
  initial: (index: number) => Reply = () => 200,
  answerAfterMs = 0,
): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const open = new Map<string, number>();
  let maxConcurrent = 0;
  let replyFor = initial;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const concurrent = (open.get(id) ?? 0) + 1;
      open.set(id, concurrent);
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      const reply = replyFor(received.length);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (reply === 'hang') return;
      setTimeout(() => {
        open.set(id, (open.get(id) ?? 1) - 1);
        res.writeHead(reply, { 'content-type': 'text/plain' }).end('answered');
      }, answerAfterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    reply: (next) => {
      replyFor = next;
    },
    maxConcurrentPerId: () => maxConcurrent,
    waitFor: (count, timeoutMs = 10_000) =>
      eventually(() => received.length >= count, `${count} requests (got ${received.length})`, timeoutMs),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it holds, or fails naming `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
