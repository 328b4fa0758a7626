import type { Hono } from 'hono';
import { ProgramSettingsPatch, programSettingsPath } from '@loyalty-elements/contract';
import type { AppContext } from '../app.ts';
import { authenticateSecretKey } from '../auth.ts';
import { toProgramSettings, updateProgramSettings, type SettingsOptions } from '../domain/program-settings.ts';
import { parseOrThrow } from '../validation.ts';
import { readJson } from './request.ts';

/** `GET` and `PATCH /v1/admin/program`: the program's settings, read and changed by its merchant (secret key). */
export function adminProgramRoute(app: Hono, { db, now }: AppContext, options: SettingsOptions): void {
  app.get(programSettingsPath, async (c) => {
    const program = await authenticateSecretKey(c, db, now());
    c.header('Cache-Control', 'no-store');
    return c.json(toProgramSettings(program));
  });

  app.patch(programSettingsPath, async (c) => {
    const at = now();
    const program = await authenticateSecretKey(c, db, at);
    const patch = parseOrThrow(ProgramSettingsPatch, await readJson(c), 'body');
    const settings = await updateProgramSettings(db, program.id, patch, at, options);
    c.header('Cache-Control', 'no-store');
    return c.json(settings);
  });
}
