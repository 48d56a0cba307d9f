/**
 * Recorded prompts published to the server (issue 3, items 4 and 5) on both stores: an
 * agent's clip is stored and replaced, listed in the manifest and downloaded byte for
 * byte; hostile bodies get a clean 4xx and store nothing; all of it needs a device token,
 * and publishing a staff session opened on the same terminal by a member of the relay.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { MAX_PUBLISHED_CLIP_BYTES } from '../../server/speech/check-clip.ts';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import { fnv1a64, speechTextHash } from '../../src/core/speech/text.ts';
import type { ManifestEntry, PublishClipRequest, SpeechManifest } from '../../src/core/speech/manifest.ts';
import { encodeWav } from '../../src/core/speech/trim.ts';
import { STAFF_HEADER, type Problem } from '../../src/core/sync/protocol.ts';
import { testKeys } from './helpers/keys.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { AGENT_PIN, enrollForTest, openStaffSessionFor, SUPERVISOR_PIN, testRelayConfig, useDeviceToken, withDevice } from './helpers/terminal.ts';

/** A short tone as WAV: what a trimmed recording is stored as. */
function wav(seconds: number, freq = 440): Uint8Array {
  const rate = 16000;
  const s = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < s.length; i++) s[i] = 0.3 * Math.sin((2 * Math.PI * freq * i) / rate);
  return encodeWav(s, rate);
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function clip(over: Partial<PublishClipRequest> = {}, audio = wav(0.5)): PublishClipRequest {
  const text = over.text ?? 'Vos données personnelles';
  const lang = over.lang ?? 'fr';
  return { lang, key: 'consent.title', text, textHash: speechTextHash(text, lang), mime: 'audio/wav', durationMs: 500, recordedBy: 'agent-test', audio: b64(audio), ...over };
}

describe.each(STORES)('published speech clips (%s)', (kind) => {
  const db = useTestDb(kind);
  beforeEach(async () => db().exec('TRUNCATE speech_clips'));
  const token = useDeviceToken(db);
  let members: RelayConfig; // a supervisor and an agent, with real PIN hashes
  let relay: RelayConfig; // what the server reads now: a test may remove a member
  let supervisor: string; // supervisor-test's session, opened on the test terminal before each test
  beforeAll(async () => {
    members = await testRelayConfig();
  });
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay }), token());
  beforeEach(async () => {
    relay = members;
    supervisor = await openStaffSessionFor(app(), 'supervisor-test', SUPERVISOR_PIN);
  });
  const post = (body: unknown, staff: string | null = supervisor) =>
    app().request('/api/speech/clips', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(staff === null ? {} : { [STAFF_HEADER]: staff }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const codeOf = async (res: Response) => [res.status, ((await res.json()) as Problem).code];
  const publishers = async () => db().query<{ recorded_by: string; published_by: string | null }>('SELECT recorded_by, published_by FROM speech_clips');
  const manifest = async (query = '') => ((await (await app().request(`/api/speech/manifest${query}`)).json()) as SpeechManifest).clips;
  const stored = async () => (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM speech_clips'))[0]!.n;

  it('stores a clip, lists it in the manifest and serves its bytes', async () => {
    const audio = wav(0.5);
    const res = await post(clip({}, audio));
    expect(res.status).toBe(201);
    const entry = (await res.json()) as ManifestEntry;
    expect(entry).toMatchObject({ lang: 'fr', key: 'consent.title', bytes: audio.byteLength, audioHash: fnv1a64(audio), recordedBy: 'agent-test', durationMs: 500 });
    const listed = await manifest();
    expect(listed).toEqual([entry]);
    expect(listed[0]!.textHash).toBe(speechTextHash('Vos données personnelles', 'fr'));

    const download = await app().request('/api/speech/clips/fr/consent.title');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('audio/wav');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(audio);
    // A key with '#' (a fixed stretch of a template) travels percent-encoded.
    expect((await post(clip({ key: 'consent.purpose#0', text: 'Nous recueillons' }))).status).toBe(201);
    const piece = await app().request(`/api/speech/clips/fr/${encodeURIComponent('consent.purpose#0')}`);
    expect(piece.status).toBe(200);
    expect((await app().request('/api/speech/clips/fr/nothing.here')).status).toBe(404);
    expect((await app().request('/api/speech/clips/xx/consent.title')).status).toBe(404);
  });

  it('replaces a re-recorded clip (same language and key): one row, the new audio and text', async () => {
    expect((await post(clip())).status).toBe(201);
    const again = wav(0.8, 660);
    const res = await post(clip({ text: 'Vos données' }, again));
    expect(res.status).toBe(200);
    expect(await stored()).toBe(1);
    const [entry] = await manifest();
    expect(entry).toMatchObject({ text: 'Vos données', audioHash: fnv1a64(again), bytes: again.byteLength });
    expect(new Uint8Array(await (await app().request('/api/speech/clips/fr/consent.title')).arrayBuffer())).toEqual(again);
    // Another language is another clip; the manifest can be asked for one language.
    expect((await post(clip({ lang: 'shi', text: 'ⵉⵙⴼⴽⴰ ⵏⵏⴽ' }))).status).toBe(201);
    expect((await manifest('?lang=shi')).map((e) => e.lang)).toEqual(['shi']);
    expect((await manifest()).length).toBe(2);
    expect((await app().request('/api/speech/manifest?lang=klingon')).status).toBe(422);
  });

  it('refuses hostile bodies with a clean 4xx and stores nothing', async () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['not JSON', '{"lang":', 400, 'malformed-json'],
      ['an array', [clip()], 422, 'invalid-speech-clip'],
      ['unknown language', clip({ lang: 'en' }), 422, 'invalid-speech-clip'],
      ['a UI tag rather than a spoken language', clip({ lang: 'shi-Latn' }), 422, 'invalid-speech-clip'],
      ['language of wrong type', { ...clip(), lang: 7 }, 422, 'invalid-speech-clip'],
      ['key with a slash', clip({ key: '../etc/passwd' }), 422, 'invalid-speech-clip'],
      ['key with SQL', clip({ key: "x'; DROP TABLE speech_clips; --" }), 422, 'invalid-speech-clip'],
      ['the pause key', clip({ key: 'pause' }), 422, 'invalid-speech-clip'],
      ['empty key', clip({ key: '' }), 422, 'invalid-speech-clip'],
      ['malformed hash', clip({ textHash: 'XYZ' }), 422, 'invalid-speech-clip'],
      ['hash of another text', clip({ textHash: speechTextHash('autre chose', 'fr') }), 422, 'invalid-speech-clip'],
      ['text with NUL', { ...clip(), text: 'a\u0000b', textHash: speechTextHash('a\u0000b', 'fr') }, 422, 'invalid-speech-clip'],
      ['unknown audio type', clip({ mime: 'text/html' }), 422, 'invalid-speech-clip'],
      ['bytes that are not the type said', clip({ mime: 'audio/webm' }), 422, 'invalid-speech-clip'],
      ['audio not base64', clip({ audio: 'not base64!' }), 422, 'invalid-speech-clip'],
      ['empty audio', clip({ audio: '' }), 422, 'invalid-speech-clip'],
      ['audio of wrong type', { ...clip(), audio: [1, 2, 3] }, 422, 'invalid-speech-clip'],
      ['negative duration', clip({ durationMs: -5 }), 422, 'invalid-speech-clip'],
      ['fractional duration', { ...clip(), durationMs: 1.5 }, 422, 'invalid-speech-clip'],
      ['no staff id', { ...clip(), recordedBy: undefined }, 422, 'invalid-speech-clip'],
      ['a stranger as recorder', clip({ recordedBy: 'someone-else' }), 422, 'invalid-speech-clip'],
      ['audio over the limit', clip({}, new Uint8Array(MAX_PUBLISHED_CLIP_BYTES + 1024).fill(1)), 413, 'payload-too-large'],
      ['a body far over the limit', JSON.stringify({ ...clip(), pad: 'x'.repeat(4 * 1024 * 1024) }), 413, 'payload-too-large'],
    ];
    for (const [what, body, status, code] of cases) {
      const res = await post(body);
      expect([what, res.status]).toEqual([what, status]);
      const problem = (await res.json()) as Problem;
      expect([what, problem.code]).toEqual([what, code]);
      expect(JSON.stringify(problem)).not.toMatch(/\n\s+at |node_modules|PGlite|violates/);
    }
    expect(await stored()).toBe(0);
    expect(await manifest()).toEqual([]);
  });

  it('refuses to publish without a live staff session of this terminal (401) and stores nothing', async () => {
    expect(await codeOf(await post(clip(), null))).toEqual([401, 'staff-session-required']);
    expect(await codeOf(await post(clip(), `rls_${'C'.repeat(43)}`))).toEqual([401, 'staff-session-required']); // forged
    expect(await codeOf(await post(clip(), "rls_' OR '1'='1"))).toEqual([401, 'staff-session-required']);
    // A session another terminal opened does not carry over to this one.
    const other = withDevice(createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay }), await enrollForTest(db(), 'relay-tafraout-02'));
    const elsewhere = await openStaffSessionFor(other, 'supervisor-test', SUPERVISOR_PIN);
    expect(await codeOf(await post(clip(), elsewhere))).toEqual([401, 'staff-session-required']);
    // An expired session.
    await db().query("UPDATE staff_sessions SET expires_at = now() - interval '1 minute'");
    expect(await codeOf(await post(clip()))).toEqual([401, 'staff-session-required']);
    expect(await stored()).toBe(0);
  });

  it("publishes with an agent's session, a colleague's recording included, and stores who published", async () => {
    const agent = await openStaffSessionFor(app(), 'agent-test', AGENT_PIN);
    const res = await post(clip({ recordedBy: 'supervisor-test' }), agent);
    expect(res.status).toBe(201);
    const entry = (await res.json()) as ManifestEntry;
    expect(entry.recordedBy).toBe('supervisor-test');
    expect(entry).not.toHaveProperty('publishedBy'); // terminals do not need it
    expect(await publishers()).toEqual([{ recorded_by: 'supervisor-test', published_by: 'agent-test' }]);
    expect((await manifest())[0]).not.toHaveProperty('publishedBy');
    // Replaced by another member: the row names the new publisher.
    expect((await post(clip({ text: 'Vos données' }))).status).toBe(200);
    expect(await publishers()).toEqual([{ recorded_by: 'agent-test', published_by: 'supervisor-test' }]);
  });

  it('refuses a member removed from the relay after opening the session (403) and stores nothing', async () => {
    const agent = await openStaffSessionFor(app(), 'agent-test', AGENT_PIN);
    relay = { ...members, staff: members.staff.filter((s) => s.id !== 'agent-test') };
    expect(await codeOf(await post(clip({ recordedBy: 'supervisor-test' }), agent))).toEqual([403, 'staff-removed']);
    expect(await stored()).toBe(0);
  });

  it('answers 503 on a server without a relay configuration: no staff session can exist there', async () => {
    const unconfigured = withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), token());
    const res = await unconfigured.request('/api/speech/clips', { method: 'POST', headers: { 'Content-Type': 'application/json', [STAFF_HEADER]: supervisor }, body: JSON.stringify(clip()) });
    expect(await codeOf(res)).toEqual([503, 'enrollment-unavailable']);
    expect(await stored()).toBe(0);
  });

  it('needs a device token for every speech route', async () => {
    const bare = createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay });
    expect((await bare.request('/api/speech/manifest')).status).toBe(401);
    expect((await bare.request('/api/speech/clips/fr/consent.title')).status).toBe(401);
    const res = await bare.request('/api/speech/clips', { method: 'POST', headers: { 'Content-Type': 'application/json', [STAFF_HEADER]: supervisor }, body: JSON.stringify(clip()) });
    expect(res.status).toBe(401);
    expect(await stored()).toBe(0);
  });
});
