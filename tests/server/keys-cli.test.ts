/**
 * `npm run keys`: key pairs made, rotated and listed in KEYS_DIR, and received
 * applications exported for the back office as JSON and as CSV Excel reads, each export
 * leaving an 'exported' audit line per application. Run as an operator runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { enrollForTest, withDevice } from './helpers/terminal.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { applicationsCsv, type ExportedApplication } from '../../server/export/export-applications.ts';
import { BOM, csvField } from '../../server/export/csv.ts';
import { openDb, type Db } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';
import { demoServices } from './helpers/catalog.ts';
import { sealedRequest, testKeys } from './helpers/keys.ts';
import { LIFE_CERTIFICATE_ANSWERS, postSubmission } from './helpers/submissions.ts';
import { freshDatabaseUrl, STORES } from './helpers/test-db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function keysCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli/keys.ts', ...args], { cwd: ROOT, env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A minimal RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
    else field += ch;
  }
  return rows;
}

describe('CSV for the back office', () => {
  it('quotes commas, quotes and line breaks, keeps Arabic and Tifinagh, and defuses formulas but not phone numbers', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Amrani, Fatima')).toBe('"Amrani, Fatima"');
    expect(csvField('dit "la hajja"')).toBe('"dit ""la hajja"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('فاطمة الزهراء')).toBe('فاطمة الزهراء');
    expect(csvField('ⵜⴰⴼⵔⴰⵡⵜ')).toBe('ⵜⴰⴼⵔⴰⵡⵜ');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+212612345678')).toBe('+212612345678');
    expect(csvField('-12.5')).toBe('-12.5');
  });

  it('a table starts with the byte order mark, ends lines with CRLF and reads back as written', () => {
    const applications: ExportedApplication[] = [
      { id: 'a', trackingCode: 'T1', serviceId: 's', formVersion: 1, receivedAt: '2026-03-02T09:00:00.000Z', assistedBy: null, consentVersion: 'v1', language: 'ar', answers: { fullName: 'فاطمة, "الزهراء"\nأمراني', kids: ['a', 'b'], present: true, n: 0 } },
      { id: 'b', trackingCode: 'T2', serviceId: 's', formVersion: 2, receivedAt: '2026-03-02T10:00:00.000Z', assistedBy: 'agent-7', consentVersion: null, language: 'fr', answers: { other: null } },
    ];
    const text = applicationsCsv(applications);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, first, second] = parseCsv(text.slice(1));
    expect(header).toEqual(['id', 'trackingCode', 'serviceId', 'formVersion', 'receivedAt', 'assistedBy', 'consentVersion', 'language', 'answers.fullName', 'answers.kids', 'answers.n', 'answers.other', 'answers.present']);
    expect(first).toEqual(['a', 'T1', 's', '1', '2026-03-02T09:00:00.000Z', '', 'v1', 'ar', 'فاطمة, "الزهراء"\nأمراني', 'a; b', '0', '', 'true']);
    expect(second).toEqual(['b', 'T2', 's', '2', '2026-03-02T10:00:00.000Z', 'agent-7', '', 'fr', '', '', '', '', '']);
  });
});

describe('npm run keys: generate, rotate, list', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-keys-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a first key, refuses a second generate, rotates keeping the old one, and lists them', async () => {
    const env = { DATA_DIR: dir };
    const first = await keysCli(['generate'], env);
    expect(first.code).toBe(0);
    const firstId = /(k-[0-9a-f]{12}) is now the current key/.exec(first.stdout)![1]!;
    expect(statSync(join(dir, 'keys', `${firstId}.json`)).mode & 0o777).toBe(0o600);
    const again = await keysCli(['generate'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/use `rotate`/);
    const rotated = await keysCli(['rotate'], env);
    expect(rotated.code).toBe(0);
    const secondId = /(k-[0-9a-f]{12}) is now the current key/.exec(rotated.stdout)![1]!;
    expect(rotated.stdout).toContain(`kept ${firstId}`);
    const listed = await keysCli(['list'], env);
    expect(listed.stdout).toMatch(new RegExp(`${firstId}\\t\\S+\\n`));
    expect(listed.stdout).toMatch(new RegExp(`${secondId}\\t\\S+\\tcurrent`));
    expect(listed.stdout).not.toMatch(/"d"|privateKey/);
    // KEYS_DIR moves the folder.
    const elsewhere = await keysCli(['list'], { DATA_DIR: dir, KEYS_DIR: join(dir, 'none') });
    expect(elsewhere.stdout).toMatch(/no keys in/);
    expect((await keysCli(['nonsense'], env)).code).toBe(2);
  });
});

describe.each(STORES)('npm run keys -- export (%s)', (kind) => {
  let dir = '';
  let env: Record<string, string> = {};
  const ids: string[] = [];
  const open = () => openDb(kind === 'postgres' ? { databaseUrl: env.DATABASE_URL! } : { dataDir: env.DATA_DIR! });
  const withDb = async <T>(fn: (db: Db) => Promise<T>) => {
    const db = await open();
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-export-'));
    env = { DATA_DIR: join(dir, 'data'), ...(kind === 'postgres' ? { DATABASE_URL: await freshDatabaseUrl() } : {}) };
    await withDb(async (db) => {
      await migrate(db);
      await publishCatalog(db, demoServices());
      const app = withDevice(createApp({ db, keys: testKeys(), version: 'test' }), await enrollForTest(db));
      const names = ['Amrani, Fatima "Lalla"', 'فاطمة الزهراء أمراني'];
      for (const [i, fullName] of names.entries()) {
        const request = await sealedRequest({}, { answers: { ...LIFE_CERTIFICATE_ANSWERS, fullName }, ...(i === 0 ? { assistedBy: 'agent-0042' } : {}) });
        expect((await postSubmission(app, request)).status).toBe(201);
        ids.push(request.id);
      }
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a CSV file, private to the operator, that Excel reads in Arabic; each application gets an exported audit line', async () => {
    const out = join(dir, 'export.csv');
    const res = await keysCli(['export', '--format', 'csv', '--out', out, '--actor', 'officer-12'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/exported 2 applications/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[column('answers.fullName')])).toEqual(['Amrani, Fatima "Lalla"', 'فاطمة الزهراء أمراني']);
    expect(rows.map((r) => r[column('assistedBy')])).toEqual(['agent-0042', '']);
    expect(rows.map((r) => r[column('id')])).toEqual(ids);
    const lines = await withDb((db) => db.query<{ application_id: string; actor: string }>("SELECT application_id, actor FROM audit_events WHERE action = 'exported' ORDER BY application_id"));
    expect(lines).toEqual([...ids].sort().map((id) => ({ application_id: id, actor: 'officer-12' })));
    // An export is never written over.
    expect((await keysCli(['export', '--format', 'csv', '--out', out], env)).code).toBe(1);
  });

  it('writes JSON to stdout, and --since leaves out what came before', async () => {
    const all = await keysCli(['export', '--format', 'json'], env);
    expect(all.code, all.stderr).toBe(0);
    const applications = JSON.parse(all.stdout) as ExportedApplication[];
    expect(applications.map((a) => a.id)).toEqual(ids);
    expect(applications[0]).toMatchObject({ serviceId: 'life-certificate', formVersion: 1, assistedBy: 'agent-0042', answers: { cnie: 'BE123456' }, trackingCode: expect.stringMatching(/^\w{5}-\w{5}$/) });
    const none = await keysCli(['export', '--format', 'json', '--since', '2999-01-01'], env);
    expect(JSON.parse(none.stdout)).toEqual([]);
    expect((await keysCli(['export', '--format', 'xml'], env)).code).toBe(2);
    expect((await keysCli(['export', '--format', 'json', '--since', 'yesterday'], env)).code).toBe(2);
  });

  // PostgreSQL takes many clients; only the embedded store must not be opened twice.
  if (kind === 'pglite') it('refuses to open the embedded store while a server holds it', async () => {
    const db = await open();
    try {
      const res = await keysCli(['export', '--format', 'json'], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/Stop it first/);
    } finally {
      await db.close();
    }
  });
});
