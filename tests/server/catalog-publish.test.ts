import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogVersion, findFormVersion, readCatalog } from '../../server/catalog/catalog-reads.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { publishCatalogDir } from '../../server/start.ts';
import { DEMO_CATALOG_DIR, demoService, demoServices, lifeCertificateV2 } from './helpers/catalog.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(STORES)('publishing the catalog (%s)', (kind) => {
  const db = useTestDb(kind);

  it('publishes the demo catalog as version 1, and the same files again change nothing', async () => {
    const first = await publishCatalog(db(), demoServices());
    expect(first).toMatchObject({ version: 1, bumped: true, changed: [], removed: [] });
    expect(first.added.length).toBeGreaterThanOrEqual(8);

    const again = await publishCatalog(db(), demoServices());
    expect(again).toMatchObject({ version: 1, bumped: false, added: [], changed: [], removed: [] });
    expect(await catalogVersion(db())).toBe(1);
  });

  it('bumps the version once for a changed service, which then appears in the delta', async () => {
    await publishCatalog(db(), demoServices());
    const others = demoServices().filter((s) => s.id !== 'life-certificate');
    const result = await publishCatalog(db(), [...others, lifeCertificateV2()]);
    expect(result).toMatchObject({ version: 2, bumped: true, added: [], changed: ['life-certificate'], removed: [] });

    const delta = await readCatalog(db(), 1);
    expect(delta.services.map((s) => [s.id, s.version])).toEqual([['life-certificate', 2]]);
    expect(delta.removed).toEqual([]);
  });

  it('lists a service whose file is gone in the removals of the next delta', async () => {
    await publishCatalog(db(), demoServices());
    const result = await publishCatalog(db(), demoServices().filter((s) => s.id !== 'income-certificate'));
    expect(result).toMatchObject({ version: 2, removed: ['income-certificate'] });

    const delta = await readCatalog(db(), 1);
    expect(delta).toMatchObject({ version: 2, full: false, services: [], removed: ['income-certificate'] });
    const full = await readCatalog(db(), null);
    expect(full.services.map((s) => s.id)).not.toContain('income-certificate');
  });

  it('refuses a changed form whose version was not increased, keeping the published one', async () => {
    await publishCatalog(db(), [demoService('life-certificate')]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sneaky = lifeCertificateV2();
    sneaky.version = 1;
    const result = await publishCatalog(db(), [sneaky]);
    expect(result).toMatchObject({ version: 1, bumped: false, refused: [{ id: 'life-certificate' }] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('life-certificate'));
    const stored = await findFormVersion(db(), 'life-certificate', 1);
    expect(stored.found && stored.definition.steps[0]!.fields.map((f) => f.id)).not.toContain('lastPaymentMonth');
  });

  it('accepts a typo fix in a label without a new form version (catalog README)', async () => {
    await publishCatalog(db(), [demoService('life-certificate')]);
    const fixed = demoService('life-certificate');
    fixed.steps[0]!.fields[0]!.label.fr = 'Prénom et nom du pensionné';
    const result = await publishCatalog(db(), [fixed]);
    expect(result).toMatchObject({ version: 2, changed: ['life-certificate'], refused: [] });
    const stored = await findFormVersion(db(), 'life-certificate', 1);
    expect(stored.found && stored.definition.steps[0]!.fields[0]!.label.fr).toBe('Prénom et nom du pensionné');
  });

  it('keeps every published form version, so an older one can still be looked up', async () => {
    await publishCatalog(db(), [demoService('life-certificate')]);
    await publishCatalog(db(), [lifeCertificateV2()]);
    expect((await findFormVersion(db(), 'life-certificate', 1)).found).toBe(true);
    expect((await findFormVersion(db(), 'life-certificate', 2)).found).toBe(true);
    expect(await findFormVersion(db(), 'life-certificate', 3)).toEqual({ found: false, code: 'unknown-form-version' });
    expect(await findFormVersion(db(), 'no-such-service', 1)).toEqual({ found: false, code: 'unknown-service' });
  });

  describe('from a folder', () => {
    let dir = '';
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function folderWith(files: string[]): string {
      dir = mkdtempSync(join(tmpdir(), 'relais-catalog-'));
      for (const file of files) copyFileSync(join(DEMO_CATALOG_DIR, file), join(dir, file));
      return dir;
    }

    it('skips an invalid file with its name and reasons, and publishes the rest', async () => {
      const folder = folderWith(['life-certificate.json', 'income-certificate.json']);
      writeFileSync(join(folder, 'broken-service.json'), JSON.stringify({ id: 'broken-service', version: 0 }));
      writeFileSync(join(folder, 'not-json.json'), '{ "id": ');
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

      const loaded = loadCatalog(folder);
      expect(loaded.services.map((s) => s.id)).toEqual(['income-certificate', 'life-certificate']);
      expect(loaded.rejected.map((r) => r.file)).toEqual(['broken-service.json', 'not-json.json']);
      expect(loaded.rejected[0]!.errors.length).toBeGreaterThan(0);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/broken-service\.json.*version/));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('not-json.json'));

      const result = await publishCatalogDir(db(), folder);
      expect(result).toMatchObject({ version: 1, added: ['income-certificate', 'life-certificate'] });
    });

    it('keeps a published service whose file has become invalid, rather than unpublishing it', async () => {
      const folder = folderWith(['life-certificate.json', 'income-certificate.json']);
      await publishCatalogDir(db(), folder);
      writeFileSync(join(folder, 'life-certificate.json'), '{ oops');
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);

      const result = await publishCatalogDir(db(), folder);
      expect(result).toMatchObject({ version: 1, bumped: false, removed: [] });
      expect((await readCatalog(db(), null)).services.map((s) => s.id)).toContain('life-certificate');
    });

    it('refuses a file whose service id is not its file name', async () => {
      const folder = folderWith([]);
      copyFileSync(join(DEMO_CATALOG_DIR, 'life-certificate.json'), join(folder, 'copy-of-life.json'));
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(loadCatalog(folder)).toMatchObject({ services: [], rejected: [{ file: 'copy-of-life.json' }] });
    });

    it('keeps the published catalog when the folder is missing', async () => {
      await publishCatalog(db(), demoServices());
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(await publishCatalogDir(db(), join(tmpdir(), 'relais-no-such-folder'))).toBeNull();
      expect((await readCatalog(db(), null)).services.length).toBe(demoServices().length);
    });
  });
});
