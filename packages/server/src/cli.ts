#!/usr/bin/env -S node --import tsx
/*
 * loyalty-api: serves the API (no command, or "serve"), or runs one operator command against the
 * same database the API uses (LOYALTY_DATA_DIR or DATABASE_URL), then exits.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { listKeys, OperatorError, revokeKey, rotateKey, type KeyKind } from './domain/program-keys.ts';
import { createProgram, listPrograms, NewProgram } from './domain/program-setup.ts';
import type { Database } from './store/database.ts';
import { StorageUnavailableError } from './store/errors.ts';
import { migrate } from './store/migrate.ts';
import { serveFromEnvironment } from './serve.ts';
import { openStore } from './store/open.ts';

const USAGE = `Usage: loyalty-api [command] [options]

  serve                                   start the API (the default)
  program create --name NAME --currency CODE [--timezone ZONE] [--id ID]
                 [--points-name LOCALE=TEXT]...
                                          create a program; prints its publishable and secret keys
  program list                            list the programs
  keys list --program ID                  the program's keys and until when rotated-out ones work
  keys rotate --program ID [--kind secret|publishable] --grace DURATION
                                          issue a new key; the old one works for DURATION (0, 90s, 15m, 24h, 7d)
  keys revoke KEY                         end a rotated-out key at once

Options: --json prints the result as JSON. The database is the API's: DATABASE_URL, else LOYALTY_DATA_DIR.
With the embedded database (PGlite), stop the API first: one process at a time may open its folder.`;

const DURATION = /^(\d+)(ms|s|m|h|d)?$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `90s`, `15m`, `24h`, `7d` or a number of seconds, in milliseconds. */
function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new OperatorError(`--grace must be a duration such as 0, 90s, 15m, 24h or 7d, got "${text}".`);
  return Number(match[1]) * UNIT_MS[(match[2] ?? 's') as keyof typeof UNIT_MS];
}

function parsePointsName(values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  return Object.fromEntries(
    values.map((value) => {
      const at = value.indexOf('=');
      if (at < 1) throw new OperatorError(`--points-name takes LOCALE=TEXT (en=points, zh-CN=积分), got "${value}".`);
      return [value.slice(0, at), value.slice(at + 1)];
    }),
  );
}

type Print = (text: string, json: unknown) => void;

async function programCreate(db: Database, values: Record<string, unknown>, print: Print): Promise<void> {
  const parsed = NewProgram.safeParse({
    name: values.name,
    id: values.id,
    currency: values.currency,
    timezone: values.timezone ?? 'UTC',
    pointsName: parsePointsName(values['points-name'] as string[] | undefined),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'options'}: ${issue.message}`);
    throw new OperatorError(`Cannot create the program:\n  ${issues.join('\n  ')}`);
  }
  const created = await createProgram(db, parsed.data);
  print(
    [
      `Program "${created.programId}" created.`,
      `Publishable key (for your pages): ${created.publishableKey}`,
      `Secret key (for your backend; shown this once, keep it secret): ${created.secretKey}`,
    ].join('\n'),
    created,
  );
}

async function keysRotate(db: Database, values: Record<string, unknown>, print: Print): Promise<void> {
  const kind = (values.kind ?? 'secret') as string;
  if (kind !== 'secret' && kind !== 'publishable') throw new OperatorError('--kind is secret or publishable.');
  if (typeof values.program !== 'string') throw new OperatorError('keys rotate needs --program ID.');
  if (typeof values.grace !== 'string')
    throw new OperatorError('keys rotate needs --grace DURATION (0 ends the old key at once).');
  const rotated = await rotateKey(db, {
    programId: values.program,
    kind: kind as KeyKind,
    graceMs: parseDuration(values.grace),
    now: new Date(),
  });
  const until = rotated.previous
    ? `The previous key keeps working until ${rotated.previous.expiresAt.toISOString()}.`
    : 'The previous key no longer works.';
  print(`New ${kind} key${kind === 'secret' ? ' (shown this once)' : ''}: ${rotated.key}\n${until}`, rotated);
}

async function run(command: string[], values: Record<string, unknown>, print: Print): Promise<void> {
  const config = loadConfig();
  const db = await openStore(config);
  try {
    await migrate(db);
    const [group, action, argument] = command;
    if (group === 'program' && action === 'create') return await programCreate(db, values, print);
    if (group === 'program' && action === 'list') {
      const programs = await listPrograms(db);
      return print(
        programs.map((p) => `${p.id}\t${p.publishable_key}\t${p.name}`).join('\n') || 'No programs yet.',
        programs,
      );
    }
    if (group === 'keys' && action === 'rotate') return await keysRotate(db, values, print);
    if (group === 'keys' && action === 'revoke') {
      const key = argument ?? (values.key as string | undefined);
      if (!key) throw new OperatorError('keys revoke needs the key to end.');
      const { programId } = await revokeKey(db, key, new Date());
      return print(`Key revoked: it no longer works for program "${programId}".`, { programId, revoked: key });
    }
    if (group === 'keys' && action === 'list') {
      if (typeof values.program !== 'string') throw new OperatorError('keys list needs --program ID.');
      const keys = await listKeys(db, values.program);
      const line = (k: (typeof keys)[number]) =>
        `${k.kind}\t${k.key}\t${k.status === 'current' ? 'current' : `${k.status.expiresAt > new Date() ? 'works until' : 'ended'} ${k.status.expiresAt.toISOString()}`}`;
      return print(keys.map(line).join('\n'), keys);
    }
    throw new OperatorError(`Unknown command "${command.join(' ')}".\n\n${USAGE}`);
  } finally {
    await db.close();
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    name: { type: 'string' },
    id: { type: 'string' },
    currency: { type: 'string' },
    timezone: { type: 'string' },
    'points-name': { type: 'string', multiple: true },
    program: { type: 'string' },
    kind: { type: 'string' },
    grace: { type: 'string' },
    key: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || positionals[0] === 'help') {
  console.log(USAGE);
} else if (positionals.length === 0 || positionals[0] === 'serve') {
  await serveFromEnvironment();
} else {
  const print: Print = (text, json) => console.log(values.json ? JSON.stringify(json, null, 2) : text);
  try {
    await run(positionals, values, print);
  } catch (error) {
    if (error instanceof OperatorError || error instanceof StorageUnavailableError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
