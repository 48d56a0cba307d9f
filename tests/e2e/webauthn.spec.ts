/**
 * WebAuthn sign-in for staff in real Chromium, with Chrome's virtual authenticator (CDP)
 * standing in for a fingerprint reader: register after a PIN sign-in, then sign in with
 * it offline; a refused user verification costs the same as a wrong PIN.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { openKioskOnline } from './support/kiosk.ts';

// WebAuthn needs a domain as rp id: the same server, reached as localhost.
const kioskUrl = () => process.env.RELAIS_URL!.replace('127.0.0.1', 'localhost');

const OFFER = 'Utiliser l’empreinte ou la clé de ce poste la prochaine fois';
const KEY_SIGN_IN = 'Se connecter avec l’empreinte ou la clé';

async function withAuthenticator(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

async function typePin(page: Page, pin: string) {
  for (const digit of pin) await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page.locator('.keypad button:disabled')).toHaveCount(0);
}

/** Reads one value of the terminal's meta store, from the page. */
function readMeta(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const row: { value: unknown } | undefined = await new Promise((ok) => {
      const req = dbh.transaction('meta').objectStore('meta').get(key);
      req.onsuccess = () => ok(req.result);
    });
    dbh.close();
    return row?.value;
  }, key);
}

function auditActions(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const rows: Array<{ event: { actor: string; action: string } }> = await new Promise((ok) => {
      const req = dbh.transaction('audit').objectStore('audit').getAll();
      req.onsuccess = () => ok(req.result);
    });
    dbh.close();
    return rows.map((r) => `${r.event.actor}:${r.event.action}`);
  });
}

/** Changes the cached relay configuration as the next sync from the relay would. */
function editCachedRelayConfig(page: Page, change: 'remove' | 'new-pin') {
  return page.evaluate(async (change) => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const store = dbh.transaction('meta', 'readwrite').objectStore('meta');
    const row: { key: string; value: { staff: Array<{ id: string; pin: { salt: string; hash: string } }> } } = await new Promise((ok) => {
      const req = store.get('relayConfig');
      req.onsuccess = () => ok(req.result);
    });
    if (change === 'remove') row.value.staff = row.value.staff.filter((s) => s.id !== 'agent-demo');
    // Re-added with a new PIN: a fresh salt and hash (the values do not matter here).
    else row.value.staff = row.value.staff.map((s) => (s.id === 'agent-demo' ? { ...s, pin: { ...s.pin, salt: 'bmV3c2FsdG5ld3NhbHQ', hash: s.pin.hash } } : s));
    await new Promise((ok) => (store.put(row).onsuccess = ok));
    dbh.close();
  }, change);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA violations on the current screen (the CSP forbids script tags: evaluate). */
async function axeViolations(page: Page, screen: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })`)) as {
    violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations.map((v) => `${screen}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** PIN sign-in, then accept the offer to register the terminal's authenticator. */
async function signInWithPinAndRegister(page: Page, onOffer?: () => Promise<void>) {
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await expect(page.getByTestId('key-sign-in')).toHaveCount(0); // nothing registered yet
  await typePin(page, '246810');
  await expect(page.getByTestId('key-offer')).toBeVisible();
  await onOffer?.();
  await page.getByRole('button', { name: OFFER }).click();
  await expect(page.getByTestId('staff-button')).toContainText('Avec l’aide de Agent (démo)');
}

async function signOut(page: Page) {
  await page.getByTestId('staff-button').click();
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
}

test('an agent registers the terminal’s authenticator after a PIN sign-in, then signs in with it offline', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { cdp, authenticatorId } = await withAuthenticator(context, page);
  await openKioskOnline(page, kioskUrl());

  await signInWithPinAndRegister(page);
  const registered = (await readMeta(page, 'webauthn:agent-demo')) as { staffId: string; algorithm: number; signCount: number; publicKey: string; credentialId: string };
  expect(registered).toMatchObject({ staffId: 'agent-demo', algorithm: -7 });
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.rpId).toBe('localhost');
  // The user handle given to the authenticator is random, not the staff id.
  expect(Buffer.from(credentials[0]!.userHandle ?? '', 'base64').toString('latin1')).not.toContain('agent-demo');
  await signOut(page);

  await context.setOffline(true); // verified on the terminal, against the stored public key
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByTestId('staff-button')).toContainText('Avec l’aide de Agent (démo)');
  const after = (await readMeta(page, 'webauthn:agent-demo')) as { signCount: number };
  expect(after.signCount).toBeGreaterThan(registered.signCount); // the clone guard moved forward
  await expect.poll(async () => (await auditActions(page)).filter((a) => a.startsWith('agent-demo:'))).toEqual(['agent-demo:signed-in', 'agent-demo:signed-out', 'agent-demo:signed-in']);
  await signOut(page);

  // No fingerprint match: refused, and counted like a wrong PIN.
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByRole('alert')).toHaveText('Empreinte ou clé non reconnue.');
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
  expect(await readMeta(page, 'lockout:agent-demo')).toMatchObject({ failures: 1 });

  // Two more: the back-off starts, and it holds for the PIN too (one counter per member).
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByTestId('key-sign-in')).toBeEnabled();
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByRole('alert')).toContainText('Trop d’essais');
  await typePin(page, '246810');
  await expect(page.getByRole('alert')).toContainText('Trop d’essais');
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
  await context.close();
});

test('a cloned authenticator, whose counter is behind the terminal’s, is refused', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { cdp, authenticatorId } = await withAuthenticator(context, page);
  await openKioskOnline(page, kioskUrl());
  await signInWithPinAndRegister(page);
  await signOut(page);
  await context.setOffline(true);
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByTestId('staff-button')).toContainText('Avec l’aide de Agent (démo)');
  await signOut(page);

  // The same private key, with its counter back at 0: what a copy of the key made at
  // registration would send. The signature is valid; only the counter gives it away.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  const original = credentials[0]!;
  expect(original.signCount).toBeGreaterThan(0);
  await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId: original.credentialId });
  await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: { ...original, signCount: 0 } });
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByRole('alert')).toHaveText('Empreinte ou clé non reconnue.');
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
  expect(await readMeta(page, 'lockout:agent-demo')).toMatchObject({ failures: 1 });
  await context.close();
});

test('a member removed from the relay configuration cannot sign in with an old credential', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await withAuthenticator(context, page);
  await openKioskOnline(page, kioskUrl());
  await signInWithPinAndRegister(page);
  await signOut(page);

  await context.setOffline(true); // no sync can bring the member back
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await expect(page.getByTestId('key-sign-in')).toBeVisible();
  // The relay drops the agent while the sign-in screen is open.
  await editCachedRelayConfig(page, 'remove');
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByRole('alert')).toContainText('Aucun agent n’est configuré');
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
  await context.close();
});

test('a member re-added by the relay with a new PIN loses the credentials registered under the old one', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await withAuthenticator(context, page);
  await openKioskOnline(page, kioskUrl());
  await signInWithPinAndRegister(page);
  await signOut(page);
  await context.setOffline(true);
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await expect(page.getByTestId('key-sign-in')).toBeVisible();
  // The new configuration arrives while the screen still shows the button: refused at the check.
  await editCachedRelayConfig(page, 'new-pin');
  await page.getByRole('button', { name: KEY_SIGN_IN }).click();
  await expect(page.getByRole('alert')).toHaveText('L’empreinte ou la clé n’est pas disponible : utilisez votre code PIN.');
  await expect(page.getByTestId('staff-button')).toHaveText('Espace agent');
  // And the screen no longer offers it (reload: Dexie's live queries do not see the raw IndexedDB edit above).
  await page.reload();
  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
  await expect(page.getByTestId('key-sign-in')).toHaveCount(0);
  await context.close();
});

test('an agent can make the terminal forget their authenticator, with their PIN (and the new screens pass axe)', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await withAuthenticator(context, page);
  await openKioskOnline(page, kioskUrl());
  const found: string[] = [];
  await signInWithPinAndRegister(page, async () => void found.push(...(await axeViolations(page, 'registration offer'))));
  await signOut(page);

  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await expect(page.getByTestId('key-sign-in')).toBeVisible();
  found.push(...(await axeViolations(page, 'PIN keypad with the fingerprint/key button')));
  expect(found).toEqual([]);
  await page.getByRole('button', { name: 'Oublier l’empreinte ou la clé de ce poste' }).click();
  await expect(page.getByTestId('key-sign-in')).toHaveCount(0);
  await typePin(page, '246810');
  await expect(page.getByTestId('staff-button')).toContainText('Avec l’aide de Agent (démo)');
  expect(await readMeta(page, 'webauthn:agent-demo')).toBeUndefined();
  await signOut(page);

  await page.getByTestId('staff-button').click();
  await page.locator('[data-staff="agent-demo"]').click();
  await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
  await expect(page.getByTestId('key-sign-in')).toHaveCount(0);
  await context.close();
});
