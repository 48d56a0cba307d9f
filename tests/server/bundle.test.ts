/**
 * Store-and-forward on the server (issue 5, item 3), on both stores: a terminal's
 * bundle-signing key arrives with its enrollment (or later, once, with its device token)
 * and is listed to its relay's terminals; an application carried in a bundle and
 * delivered by another terminal is stored once, and its own terminal's later retry gets
 * the same receipt.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { revokeTerminal } from '../../server/terminals/terminal-store.ts';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import { readBundle } from '../../src/core/bundle/read-bundle.ts';
import { checkTerminalKeyList, type TerminalKeyList } from '../../src/core/bundle/terminal-keys.ts';
import { writeBundle, type BundleableItem } from '../../src/core/bundle/write-bundle.ts';
import { trackingCodeFor } from '../../src/core/ids/tracking-code.ts';
import { newOutboxItem } from '../../src/core/outbox/state-machine.ts';
import type { DeviceToken, Problem, SubmissionReceipt } from '../../src/core/sync/protocol.ts';
import { testSigner } from '../unit/core/bundle/fixtures.ts';
import { demoServices } from './helpers/catalog.ts';
import { sealedRequest, testKeys } from './helpers/keys.ts';
import { postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { enrollForTest, SUPERVISOR_PIN, TEST_RELAY, testRelayConfig, withDevice } from './helpers/terminal.ts';

const json = (body: unknown, headers: Record<string, string> = {}, method = 'POST') => ({ method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(STORES)('store-and-forward bundles (%s)', (kind) => {
  const db = useTestDb(kind);
  let relay: RelayConfig | undefined;
  const app = () => createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay! });
  const enroll = (terminalId: string, signingKey?: unknown) =>
    app().request('/api/terminals/enroll', json({ terminalId, label: `Guichet ${terminalId.slice(-1)}`, staffId: 'supervisor-test', pin: SUPERVISOR_PIN, ...(signingKey ? { signingKey } : {}) }));
  const keysSeenBy = async (token: string): Promise<TerminalKeyList> => {
    const res = await app().request('/api/relay/terminal-keys', { headers: bearer(token) });
    expect(res.status).toBe(200);
    return checkTerminalKeyList(await res.json())!;
  };

  it("a terminal's key arrives with its enrollment and is listed to the relay's terminals, revoked ones marked; not to another relay", async () => {
    relay ??= await testRelayConfig();
    const a = await testSigner('relay-tafraout-1');
    const enrolled = (await (await enroll('relay-tafraout-1', a.key.publicKey)).json()) as DeviceToken;
    const b = (await (await enroll('relay-tafraout-2')).json()) as DeviceToken; // an older kiosk: no key
    const list = await keysSeenBy(b.token);
    expect(list).toEqual({ relayId: TEST_RELAY, terminals: [{ terminalId: 'relay-tafraout-1', label: 'Guichet 1', keyId: a.keyId, publicKey: a.key.publicKey, revoked: false }] });
    expect(JSON.stringify(list)).not.toContain('"d"');
    const elsewhere = await enrollForTest(db(), 'relay-other-1');
    await db().query("UPDATE terminals SET relay_id = 'relay-other' WHERE terminal_id = 'relay-other-1'");
    expect(await keysSeenBy(elsewhere)).toEqual({ relayId: 'relay-other', terminals: [] });
    await revokeTerminal(db(), TEST_RELAY, 'relay-tafraout-1', 'supervisor-test');
    expect((await keysSeenBy(b.token)).terminals[0]!.revoked).toBe(true);
    expect((await app().request('/api/relay/terminal-keys', { headers: bearer(enrolled.token) })).status).toBe(401);
    const bad = await enroll('relay-tafraout-3', { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' });
    expect([bad.status, ((await bad.json()) as Problem).code]).toEqual([422, 'invalid-request']);
  });

  it('a terminal enrolled before it had a key registers one once with its device token; only an enrollment replaces it', async () => {
    relay ??= await testRelayConfig();
    const token = ((await (await enroll('relay-tafraout-1')).json()) as DeviceToken).token;
    const first = await testSigner('relay-tafraout-1');
    const other = await testSigner('relay-tafraout-1');
    const put = (publicKey: unknown) => app().request('/api/terminal/signing-key', json({ publicKey }, bearer(token), 'PUT'));
    expect((await put(first.key.publicKey)).status).toBe(204);
    expect((await put(first.key.publicKey)).status).toBe(204); // the same again: harmless
    const swap = await put(other.key.publicKey);
    expect([swap.status, ((await swap.json()) as Problem).code]).toEqual([422, 'invalid-request']);
    expect((await put({ kty: 'RSA', n: 'x', e: 'AQAB' })).status).toBe(422);
    expect((await app().request('/api/terminal/signing-key', json({ publicKey: first.key.publicKey }, {}, 'PUT'))).status).toBe(401);
    expect((await keysSeenBy(token)).terminals.map((t) => t.keyId)).toEqual([first.keyId]);
    // A supervisor enrols it again with a new key: that one is listed now.
    const again = (await (await enroll('relay-tafraout-1', other.key.publicKey)).json()) as DeviceToken;
    expect((await keysSeenBy(again.token)).terminals.map((t) => t.keyId)).toEqual([other.keyId]);
  });

  it('an application carried in a bundle and delivered by another terminal is stored once; its own later retry gets the same receipt', async () => {
    relay ??= await testRelayConfig();
    await publishCatalog(db(), demoServices());
    const a = await testSigner('relay-tafraout-1');
    const tokenA = ((await (await enroll('relay-tafraout-1', a.key.publicKey)).json()) as DeviceToken).token;
    const tokenB = ((await (await enroll('relay-tafraout-2')).json()) as DeviceToken).token;
    // Terminal A queued it offline and exported it; terminal B read the bundle back.
    const request = await sealedRequest({ terminalId: 'relay-tafraout-1' });
    const item = newOutboxItem(request, await trackingCodeFor(request.id, crypto.subtle), Date.now()) as BundleableItem;
    const bytes = await writeBundle({ bundleId: crypto.randomUUID(), createdAt: new Date().toISOString(), signer: { terminalId: a.terminalId, relayId: TEST_RELAY, keyId: a.keyId } }, [item], a.sign);
    const read = await readBundle(bytes, await keysSeenBy(tokenB));
    if (!read.ok) throw new Error(`bundle refused: ${read.problem}`);
    const carried = read.bundle.entries[0]!.request;

    const known = () => withDevice(app(), tokenB).request('/api/submissions/known', json({ ids: [request.id, crypto.randomUUID()] }));
    expect(await (await known()).json()).toEqual({ known: [] });
    const byB = await postSubmission(withDevice(app(), tokenB), carried);
    expect(byB.status).toBe(201);
    const receipt = (await byB.json()) as SubmissionReceipt;
    expect(receipt.trackingCode).toBe(item.trackingCode);
    expect(await (await known()).json()).toEqual({ known: [request.id] });

    const byA = await postSubmission(withDevice(app(), tokenA), request);
    expect(byA.status).toBe(201);
    expect(await byA.json()).toEqual(receipt);
    const rows = await db().query<{ terminal_id: string; received_from: string }>('SELECT terminal_id, received_from FROM submissions WHERE id = $1', [request.id]);
    expect(rows).toEqual([{ terminal_id: 'relay-tafraout-1', received_from: 'relay-tafraout-2' }]);
    const delivered = await db().query("SELECT 1 FROM audit_events WHERE action = 'delivered' AND application_id = $1", [request.id]);
    expect(delivered).toHaveLength(1);
  });

  it('the known-submissions route takes only UUIDs, at most 1,000 at a time', async () => {
    const token = await enrollForTest(db());
    const ask = (body: unknown) => withDevice(app(), token).request('/api/submissions/known', json(body));
    for (const bad of [{ ids: ['nope'] }, { ids: 'x' }, [], { ids: Array.from({ length: 1001 }, () => crypto.randomUUID()) }]) {
      const res = await ask(bad);
      expect([res.status, ((await res.json()) as Problem).code]).toEqual([422, 'invalid-request']);
    }
    expect((await app().request('/api/submissions/known', json({ ids: [] }))).status).toBe(401);
  });

  it("a terminal's 'imported' audit events are accepted", async () => {
    const token = await enrollForTest(db());
    const event = { id: crypto.randomUUID(), at: new Date().toISOString(), terminalId: 'relay-tafraout-01', actor: 'supervisor-test', action: 'imported', applicationId: crypto.randomUUID(), serviceId: 'life-certificate' };
    const res = await withDevice(app(), token).request('/api/audit', json({ events: [event] }));
    expect([res.status, await res.json()]).toEqual([200, { accepted: 1 }]);
  });
});
