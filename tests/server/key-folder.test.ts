/**
 * KEYS_DIR: the first start makes a key, files are private to the server's user, a
 * rotation keeps the old keys and a running server notices it, and a folder that lost
 * its `current` is refused rather than guessed at.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_ID_PATTERN } from '../../src/core/crypto/keys.ts';
import { addKey, readKeyFolder } from '../../server/keys/key-files.ts';
import { openKeyRing } from '../../server/keys/key-ring.ts';

let dir = '';
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'relais-keys-')), 'keys');
});
afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

const waitForRecheck = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe('the key folder', () => {
  it('gets a first key on first start, in files only the server user can read', async () => {
    const { ring, generated } = await openKeyRing(dir);
    expect(generated?.keyId).toMatch(KEY_ID_PATTERN);
    expect((await ring.current()).keyId).toBe(generated!.keyId);
    expect(readdirSync(dir).sort()).toEqual([`${generated!.keyId}.json`, 'current'].sort());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    expect(readFileSync(join(dir, 'current'), 'utf8')).toBe(`${generated!.keyId}\n`);
    // A second start uses it and makes no other.
    const again = await openKeyRing(dir);
    expect(again.generated).toBeNull();
    expect((await again.ring.current()).keyId).toBe(generated!.keyId);
  });

  it('a rotation keeps the old key, and a running server hands out the new one and still opens the old', async () => {
    const { ring, generated: first } = await openKeyRing(dir);
    const second = await addKey(dir);
    await waitForRecheck();
    expect((await ring.current()).keyId).toBe(second.keyId);
    expect(await ring.openingKey(first!.keyId)).not.toBeNull();
    expect(await ring.openingKey(second.keyId)).not.toBeNull();
    expect((await readKeyFolder(dir)).keys.map((k) => k.keyId).sort()).toEqual([first!.keyId, second.keyId].sort());
  });

  it('finds a key made by another node at once, even before its once-a-second recheck', async () => {
    const { ring } = await openKeyRing(dir);
    await ring.current();
    const second = await addKey(dir);
    expect(await ring.openingKey(second.keyId)).not.toBeNull();
    expect(await ring.openingKey('k-000000000000')).toBeNull();
  });

  it('refuses a folder whose current names no key, and skips a key file that is not what its name says', async () => {
    const { generated } = await openKeyRing(dir);
    const other = await addKey(dir);
    writeFileSync(join(dir, 'k-000000000000.json'), readFileSync(join(dir, `${other.keyId}.json`)), { mode: 0o600 });
    writeFileSync(join(dir, 'current'), 'k-ffffffffffff\n');
    const folder = await readKeyFolder(dir);
    expect(folder.keys.map((k) => k.keyId).sort()).toEqual([generated!.keyId, other.keyId].sort());
    expect(folder.problems.join('\n')).toMatch(/k-000000000000\.json: its key is k-/);
    await expect(openKeyRing(dir)).rejects.toThrow(/No current sealing key/);
  });
});
