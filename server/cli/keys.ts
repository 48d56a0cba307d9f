/**
 * `npm run keys -- <command>`: the sealing keys and the back-office export.
 *   generate                       the first key pair (refused when one is current: use rotate)
 *   rotate                         a new key pair becomes current; the old ones are kept
 *   list                           key ids, creation dates, which is current
 *   export --format json|csv [--out FILE] [--since ISO] [--actor ID]
 *                                  received applications, opened, for the back office;
 *                                  each gets an 'exported' audit line
 * Settings as the server's: KEYS_DIR (default DATA_DIR/keys), DATA_DIR, DATABASE_URL.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { applicationsCsv, applicationsJson, exportApplications } from '../export/export-applications.ts';
import { addKey, readKeyFolder } from '../keys/key-files.ts';
import { openDb } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { isDateTime, isToken } from '../submissions/check-envelope.ts';

const USAGE = 'usage: npm run keys -- generate | rotate | list | export --format json|csv [--out FILE] [--since ISO] [--actor ID]';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, out: { type: 'string' }, since: { type: 'string' }, actor: { type: 'string' } },
});
const config = readConfig();
const command = positionals[0];

async function generate(rotate: boolean): Promise<void> {
  const before = await readKeyFolder(config.keysDir);
  if (!rotate && before.currentId) fail(`${config.keysDir} already has a current key (${before.currentId}); use \`rotate\` to replace it for new applications`);
  const pair = await addKey(config.keysDir);
  console.log(`${pair.keyId} is now the current key (${join(config.keysDir, `${pair.keyId}.json`)})`);
  if (before.keys.length > 0) console.log(`kept ${before.keys.map((k) => k.keyId).join(', ')}: applications sealed to them still open`);
  console.log('A running server hands the new key to kiosks within a second. Back the folder up.');
}

async function list(): Promise<void> {
  const folder = await readKeyFolder(config.keysDir);
  if (folder.keys.length === 0) console.log(`no keys in ${config.keysDir}`);
  for (const key of folder.keys) console.log(`${key.keyId}\t${key.createdAt}${key.keyId === folder.currentId ? '\tcurrent' : ''}`);
  for (const problem of folder.problems) console.error(`problem: ${problem}`);
}

function sinceOption(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const since = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw;
  if (!isDateTime(since)) fail(`--since must be an ISO 8601 date or date-time, not '${raw}'`, 2);
  return since;
}

function machineToken(raw: string, fallback: string): string {
  const token = raw.replace(/[^A-Za-z0-9._:@-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100);
  return isToken(token) && token !== '' ? token : fallback;
}

async function exportCommand(): Promise<void> {
  const format = values.format;
  if (format !== 'json' && format !== 'csv') fail(USAGE, 2);
  const since = sinceOption(values.since);
  const actor = values.actor ?? machineToken(`back-office:${userInfo().username}`, 'back-office');
  if (!isToken(actor, 100)) fail('--actor must be an id of letters, digits and . _ : @ -', 2);
  if (values.out && existsSync(values.out)) fail(`${values.out} exists; choose another file (an export is never overwritten)`);
  // PGlite is one process's store: a second opener would corrupt the folder.
  if (!config.databaseUrl && existsSync(join(config.dataDir, 'postmaster.pid'))) {
    fail(`The server seems to be running on ${config.dataDir} (postmaster.pid). Stop it first; the embedded store takes one process at a time.`);
  }
  const db = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrate(db);
    const count = await exportApplications(db, {
      ...(since ? { since } : {}),
      actor,
      terminalId: machineToken(hostname(), 'back-office'),
      write: async (applications) => {
        const text = format === 'csv' ? applicationsCsv(applications) : applicationsJson(applications);
        // Personal data: readable by the operator only.
        if (values.out) writeFileSync(values.out, text, { mode: 0o600, flag: 'wx' });
        else process.stdout.write(text);
      },
    });
    console.error(`exported ${count} application${count === 1 ? '' : 's'}${values.out ? ` to ${values.out}` : ''}; ${count} 'exported' audit line${count === 1 ? '' : 's'} written`);
  } finally {
    await db.close();
  }
}

try {
  if (command === 'generate') await generate(false);
  else if (command === 'rotate') await generate(true);
  else if (command === 'list') await list();
  else if (command === 'export') await exportCommand();
  else fail(USAGE, 2);
} catch (error) {
  fail(`keys ${command}: ${error instanceof Error ? error.message : String(error)}`);
}
