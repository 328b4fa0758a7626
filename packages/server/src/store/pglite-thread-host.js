// The PGlite thread: holds this process's PGlite instances, so their statements run beside the API's thread instead
// of on it. Plain JavaScript, because Node 20 does not apply the TypeScript loader to a worker's own modules.
// `pglite-thread.ts` is the other side of every message below.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {Map<number, PGlite>} */
const instances = new Map();

/** @param {unknown} message */
const post = (message) => parentPort.postMessage(message);

/** An error as plain data: its class, message, stack, own fields (PostgreSQL's `code`, `severity`, …) and cause. */
function plain(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {}, wasm: false };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    fields,
    wasm: error instanceof WebAssembly.RuntimeError,
    cause: error.cause === undefined ? undefined : plain(error.cause),
  };
}

function instance(id) {
  const pglite = instances.get(id);
  if (!pglite) throw new Error(`PGlite instance ${id} is not open`);
  return pglite;
}

async function perform(request) {
  switch (request.op) {
    case 'open': {
      const pglite = await PGlite.create(request.dataDir, {
        ...(request.image ? { loadDataDir: request.image } : {}),
        onStderr: (line) => {
          post({ kind: 'stderr', id: request.id, line });
          return false;
        },
      });
      instances.set(request.id, pglite);
      return undefined;
    }
    case 'query': {
      const result = await instance(request.id).query(request.sql, request.params);
      return { rows: result.rows, affectedRows: result.affectedRows };
    }
    case 'exec': {
      const results = await instance(request.id).exec(request.sql);
      return results.map((result) => ({ affectedRows: result.affectedRows }));
    }
    case 'listen':
      // PGlite calls listeners while it reads a COMMIT's answer, before that statement's own answer is posted: the
      // notice reaches the API's thread first.
      await instance(request.id).listen(request.channel, (payload) =>
        post({ kind: 'notice', id: request.id, channel: request.channel, payload }),
      );
      return undefined;
    case 'dump':
      return instance(request.id).dumpDataDir('none');
    case 'close':
      await instance(request.id).close();
      instances.delete(request.id);
      return undefined;
    default:
      throw new Error(`Unknown PGlite thread request ${request.op}`);
  }
}

parentPort.on('message', async (request) => {
  try {
    post({ kind: 'answer', call: request.call, value: await perform(request) });
  } catch (error) {
    post({ kind: 'failure', call: request.call, error: plain(error) });
  }
});
