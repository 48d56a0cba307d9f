/**
 * Hostile input against the API on both stores (issue 4, item 7): malformed JSON, wrong
 * types, missing fields, huge bodies and strings, deep nesting, odd Unicode, SQL and
 * script injection in every string field, replays, and sealed payloads that must not
 * open. Each gets a clean 4xx problem+json (a known code, no stack trace, the security
 * headers), nothing is stored, and the server keeps serving.
 *
 * Injection strings in free-text answers are the exception by design: a name may contain
 * quotes or '<', so those are stored verbatim (parameterized SQL) and checked as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/core/crypto/base64url.ts';
import { cipherSuite } from '../../src/core/crypto/suite.ts';
import { importPublicKey } from '../../src/core/crypto/keys.ts';
import { HPKE_INFO, MAX_SUBMISSION_BYTES, sealingAad, type ProblemCode } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { auditEvent } from './helpers/audit.ts';
import { demoServices } from './helpers/catalog.ts';
import { sealedRequest, TEST_KEY, TEST_KEY_2, testKeys, type SealedSubmission } from './helpers/keys.ts';
import { lifeCertificateRequest, LIFE_CERTIFICATE_ANSWERS, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { enrollForTest, TEST_RELAY, testRelayConfig, useDeviceToken, withDevice } from './helpers/terminal.ts';
import { revokeTerminal } from '../../server/terminals/terminal-store.ts';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import type { Hono } from 'hono';

const KNOWN_CODES: ProblemCode[] = [
  'missing-idempotency-key', 'invalid-idempotency-key', 'idempotency-key-reused', 'request-in-progress', 'malformed-json',
  'invalid-request', 'unknown-service', 'unknown-form-version', 'invalid-answers', 'payload-too-large', 'unknown-key',
  'unreadable-envelope', 'rate-limited', 'not-found', 'internal-error', 'device-token-missing', 'device-token-invalid',
  'device-token-expired', 'device-token-revoked', 'terminal-mismatch', 'wrong-pin', 'staff-locked', 'not-a-supervisor',
  'staff-session-required',
];
// What a leaked stack trace or driver error looks like.
const LEAK = /\n\s+at |\.ts:\d+|node_modules|TypeError|RangeError|SyntaxError|PGlite|postgres|invalid byte sequence|violates/i;

const INJECTIONS = [
  "'; DROP TABLE submissions; --",
  "1' OR '1'='1",
  "Robert'); DELETE FROM audit_events; --",
  '$1::text',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
];
const NUL = 'a\u0000b';
const LONE_HIGH = 'a\ud800b';
const LONE_LOW = 'a\udc00b';
const BIDI = ['\u202eevil', 'x\u2066y\u2069', '\u202aabc'];
const ODD_UNICODE = [NUL, LONE_HIGH, LONE_LOW, ...BIDI];

const nested = (depth: number, leaf = '0') => '['.repeat(depth) + leaf + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

type Body = Record<string, unknown>;
interface Context {
  /** Every request carries the enrolled test terminal's device token unless it sets its own. */
  app: Hono;
  /** Tokens of terminals that exist but may not call: expired, revoked; and another live one. */
  tokens: { expired: string; revoked: string; other: string };
}
interface HostileCase {
  name: string;
  send: (ctx: Context) => Promise<Response>;
}

/** A copy of `body` with the value at a dotted path replaced (or removed with undefined). */
function withValue(body: object, path: string, value: unknown): Body {
  const copy = structuredClone(body) as Body;
  const keys = path.split('.');
  let target: Body = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Body;
  const last = keys.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

const post = (app: Hono, path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  Promise.resolve(app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: body as BodyInit }));
const submitRaw = (app: Hono, text: string | Uint8Array, key: string = crypto.randomUUID()) => post(app, '/api/submissions', text, { 'Idempotency-Key': key });
const submit = (app: Hono, body: Body, key = body.id as string) => postSubmission(app, body, key);
/** A sealed request with one value changed, sent under its own id as the key. */
const mutated = async (app: Hono, path: string, value: unknown) => {
  const request = await sealedRequest();
  return submit(app, withValue(request, path, value), request.id);
};
const clearMutated = (app: Hono, path: string, value: unknown) => {
  const request = lifeCertificateRequest();
  return submit(app, withValue(request, path, value), request.id);
};
const audit = (app: Hono, body: unknown) => post(app, '/api/audit', typeof body === 'string' ? body : JSON.stringify(body));

const flipByte = (coded: string, at: number) => {
  const bytes = Buffer.from(coded, 'base64url');
  bytes[(at + bytes.length) % bytes.length]! ^= 0x01;
  return encodeBase64Url(bytes);
};

/** A sealed payload to TEST_KEY whose plaintext is `text` (or bytes), not an application. */
async function sealedText(text: string | Uint8Array, id: string) {
  const recipientPublicKey = (await importPublicKey(TEST_KEY.publicKey)) as CryptoKey;
  const enc = new TextEncoder();
  const plaintext = typeof text === 'string' ? enc.encode(text) : text;
  const { enc: e, ct } = await cipherSuite.seal({ recipientPublicKey, info: enc.encode(HPKE_INFO) }, plaintext, enc.encode(sealingAad(id)));
  return { encoding: 'hpke', keyId: TEST_KEY.keyId, enc: encodeBase64Url(new Uint8Array(e)), ciphertext: encodeBase64Url(new Uint8Array(ct)) };
}

const ENVELOPE_FIELDS = ['id', 'serviceId', 'formVersion', 'terminalId', 'language', 'createdAt', 'submittedAt', 'payload'];
const SEALED_FIELDS = ['payload.encoding', 'payload.keyId', 'payload.enc', 'payload.ciphertext'];
const STRING_FIELDS = ['id', 'serviceId', 'terminalId', 'language', 'createdAt', 'submittedAt', ...SEALED_FIELDS];
const WRONG_TYPES: Array<[string, unknown]> = [['null', null], ['a number', 42], ['a boolean', true], ['an array', ['x']], ['an object', { x: 1 }]];
const AUDIT_STRING_FIELDS = ['id', 'at', 'terminalId', 'actor', 'action', 'applicationId', 'serviceId'];
// Answer fields with a shape (pattern, choice, date, phone, CNIE): anything else is refused.
const SHAPED_ANSWERS = ['cnie', 'birthDate', 'pensionFund', 'pensionNumber', 'phone'];

const cases: HostileCase[] = [];
const add = (name: string, send: HostileCase['send']) => cases.push({ name, send });

// Malformed JSON and bodies that are JSON but not a request.
for (const text of ['{', '{"id":', '', 'nul', '[1,]', "{'id': 1}", '{"a":1}{"b":2}', '\ufeff{}', 'NaN', '{"id": undefined}', '01', '"\\x41"']) {
  add(`submission: malformed JSON ${JSON.stringify(text)}`, ({ app }) => submitRaw(app, text));
  add(`audit: malformed JSON ${JSON.stringify(text)}`, ({ app }) => audit(app, text));
}
for (const bytes of [[0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]]) {
  add(`submission: bytes that are not UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`, ({ app }) => submitRaw(app, new Uint8Array(bytes)));
}
for (const text of ['null', '42', '"text"', 'true', '[]', '{}']) {
  add(`submission: JSON ${text} instead of a request`, ({ app }) => submitRaw(app, text));
  add(`audit: JSON ${text} instead of a batch`, ({ app }) => audit(app, text));
}

// Wrong types and missing fields, clear and sealed.
for (const field of [...ENVELOPE_FIELDS, ...SEALED_FIELDS]) {
  for (const [label, value] of WRONG_TYPES) add(`submission: ${field} is ${label}`, ({ app }) => mutated(app, field, value));
  add(`submission: ${field} is missing`, ({ app }) => mutated(app, field, undefined));
}
for (const [label, value] of WRONG_TYPES.filter(([l]) => l !== 'null')) {
  add(`submission: answers.fullName is ${label}`, ({ app }) => clearMutated(app, 'payload.answers.fullName', value));
  add(`submission: sealed answers are ${label}`, async ({ app }) => {
    const request = await sealedRequest();
    return submit(app, { ...request, payload: await sealedText(JSON.stringify({ answers: value }), request.id) });
  });
}
for (const field of ['fullName', 'cnie', 'birthDate', 'pensionFund', 'phone']) {
  add(`submission: sealed answers without ${field}`, async ({ app }) => {
    const { [field]: _gone, ...answers } = LIFE_CERTIFICATE_ANSWERS as Record<string, unknown>;
    return submit(app, (await sealedRequest({}, { answers: answers as never })) as unknown as Body);
  });
}
for (const field of AUDIT_STRING_FIELDS) {
  for (const [label, value] of WRONG_TYPES.filter(([l]) => !(field === 'applicationId' && l === 'null'))) {
    add(`audit: ${field} is ${label}`, ({ app }) => audit(app, { events: [withValue(auditEvent(), field, value)] }));
  }
  if (field !== 'serviceId') add(`audit: ${field} is missing`, ({ app }) => audit(app, { events: [withValue(auditEvent(), field, undefined)] }));
}

// Huge bodies and strings.
add('submission: a body over the limit', async ({ app }) => submit(app, { ...(await sealedRequest()), padding: 'x'.repeat(MAX_SUBMISSION_BYTES) }));
add('submission: a body claiming to be huge', async ({ app }) => {
  const request = await sealedRequest();
  return postSubmission(app, request, request.id, { 'Content-Length': String(2 ** 40) });
});
add('audit: a body over the limit', ({ app }) => audit(app, { events: [auditEvent()], padding: 'x'.repeat(MAX_SUBMISSION_BYTES) }));
add('audit: 100,000 events', ({ app }) => audit(app, `{"events":[${'{},'.repeat(99_999)}{}]}`));
add('submission: a 200 KB name', ({ app }) => clearMutated(app, 'payload.answers.fullName', 'é'.repeat(100_000)));
add('submission: a 200 KB sealed name', async ({ app }) => submit(app, (await sealedRequest({}, { answers: { ...LIFE_CERTIFICATE_ANSWERS, fullName: 'n'.repeat(180_000) } })) as unknown as Body));
add('submission: 10,000 answers', ({ app }) => clearMutated(app, 'payload.answers', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, 'x']))));
add('submission: 50,000 answers (over the size limit)', ({ app }) => clearMutated(app, 'payload.answers', Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, 'x']))));
add('submission: a 20,000-item list as an answer', ({ app }) => clearMutated(app, 'payload.answers.pensionFund', Array.from({ length: 20_000 }, () => 'cmr')));
for (const field of ['serviceId', 'terminalId', 'language', 'payload.keyId']) {
  add(`submission: a 10,000-character ${field}`, ({ app }) => mutated(app, field, 'a'.repeat(10_000)));
}
add('submission: a 200 KB enc', ({ app }) => mutated(app, 'payload.enc', 'A'.repeat(200_000)));
add('submission: a 160 KB ciphertext of noise', ({ app }) => mutated(app, 'payload.ciphertext', encodeBase64Url(crypto.getRandomValues(new Uint8Array(60_000))).repeat(2)));
add('submission: a 10 KB Idempotency-Key', async ({ app }) => postSubmission(app, await sealedRequest(), 'a'.repeat(10_000)));
add('audit: a 10,000-character actor', ({ app }) => audit(app, { events: [auditEvent({ actor: 'a'.repeat(10_000) })] }));
add('tracking: a 10,000-character code', ({ app }) => Promise.resolve(app.request(`/api/submissions/${'A'.repeat(10_000)}`)));
add('catalog: a 10,000-digit since', ({ app }) => Promise.resolve(app.request(`/api/catalog?since=${'9'.repeat(10_000)}`)));

// Deep nesting.
add('submission: 10,000 nested arrays as the body', ({ app }) => submitRaw(app, nested(10_000)));
add('submission: 100,000 nested arrays as the body', ({ app }) => submitRaw(app, nested(100_000)));
add('submission: 5,000 nested objects as the body', ({ app }) => submitRaw(app, nestedObject(5_000)));
add('submission: 10,000 nested arrays as an answer', ({ app }) => {
  const request = lifeCertificateRequest();
  const text = JSON.stringify(request).replace('"Fatima Zahra Amrani"', nested(10_000, '"x"'));
  return submitRaw(app, text, request.id);
});
add('submission: 10,000 nested arrays as the payload', ({ app }) => {
  const request = lifeCertificateRequest();
  const text = JSON.stringify({ ...request, payload: '@' }).replace('"@"', nested(10_000));
  return submitRaw(app, text, request.id);
});
add('submission: 10,000 nested arrays sealed as the answers', async ({ app }) => {
  const request = await sealedRequest();
  return submit(app, { ...request, payload: await sealedText(`{"answers":${nested(10_000)}}`, request.id) });
});
add('submission: 10,000 nested arrays sealed as a name', async ({ app }) => {
  const request = await sealedRequest();
  const content = JSON.stringify({ answers: { ...LIFE_CERTIFICATE_ANSWERS, fullName: '@' } }).replace('"@"', nested(10_000, '"x"'));
  return submit(app, { ...request, payload: await sealedText(content, request.id) });
});
add('audit: 10,000 nested arrays as an event', ({ app }) => audit(app, `{"events":[${nested(10_000)}]}`));

// Odd Unicode: NUL, unpaired surrogates, bidi controls in every string field.
for (const odd of ODD_UNICODE) {
  const label = JSON.stringify(odd);
  for (const field of ['serviceId', 'terminalId', 'language', 'createdAt', 'payload.keyId', 'payload.enc', 'payload.ciphertext']) {
    add(`submission: ${label} in ${field}`, ({ app }) => mutated(app, field, odd));
  }
  add(`submission: ${label} in a clear name`, ({ app }) => clearMutated(app, 'payload.answers.fullName', `Fatima ${odd} Amrani`));
  add(`submission: ${label} in a sealed name`, async ({ app }) => submit(app, (await sealedRequest({}, { answers: { ...LIFE_CERTIFICATE_ANSWERS, fullName: `Fatima ${odd} Amrani` } })) as unknown as Body));
  add(`submission: ${label} in an answer's field name`, ({ app }) => clearMutated(app, `payload.answers.full${odd}Name`, 'x'));
  add(`submission: ${label} as who assisted`, async ({ app }) => submit(app, (await sealedRequest({}, { assistedBy: `agent${odd}` })) as unknown as Body));
  add(`submission: ${label} as the consent version`, async ({ app }) => submit(app, (await sealedRequest({}, { consentVersion: `v1${odd}` })) as unknown as Body));
  for (const field of ['terminalId', 'actor', 'serviceId', 'at']) {
    add(`audit: ${label} in ${field}`, ({ app }) => audit(app, { events: [withValue(auditEvent(), field, odd)] }));
  }
  add(`tracking: ${label} in the code`, ({ app }) => Promise.resolve(app.request(`/api/submissions/${encodeURIComponent(odd.replace(/[\ud800-\udfff]/g, '\ufffd'))}`)));
}
add('tracking: a raw %00 and broken percent-encoding in the code', ({ app }) => Promise.resolve(app.request('/api/submissions/ABCDE%00FGHJK%')));

// SQL and script injection in every string field that has a shape (free text: below).
for (const attack of INJECTIONS) {
  const label = JSON.stringify(attack);
  for (const field of STRING_FIELDS) add(`submission: ${label} in ${field}`, ({ app }) => mutated(app, field, attack));
  add(`submission: ${label} as the Idempotency-Key`, async ({ app }) => postSubmission(app, await sealedRequest(), attack.replace(/[^\x20-\x7e]/g, '')));
  for (const field of SHAPED_ANSWERS) {
    add(`submission: ${label} in the sealed answer ${field}`, async ({ app }) => submit(app, (await sealedRequest({}, { answers: { ...LIFE_CERTIFICATE_ANSWERS, [field]: attack } })) as unknown as Body));
  }
  add(`submission: ${label} as an answer's field name`, async ({ app }) => submit(app, (await sealedRequest({}, { answers: { ...LIFE_CERTIFICATE_ANSWERS, [attack]: 'x' } })) as unknown as Body));
  add(`submission: ${label} as who assisted`, async ({ app }) => submit(app, (await sealedRequest({}, { assistedBy: attack })) as unknown as Body));
  for (const field of AUDIT_STRING_FIELDS) add(`audit: ${label} in ${field}`, ({ app }) => audit(app, { events: [withValue(auditEvent(), field, attack)] }));
  add(`tracking: ${label} as the code`, ({ app }) => Promise.resolve(app.request(`/api/submissions/${encodeURIComponent(attack)}`)));
  add(`catalog: ${label} as since`, ({ app }) => Promise.resolve(app.request(`/api/catalog?since=${encodeURIComponent(attack)}`)));
}

// Sealed payloads that must not open.
const sealedBreak = (name: string, breakIt: (r: SealedSubmission) => Promise<Body> | Body) =>
  add(`sealed: ${name}`, async ({ app }) => {
    const request = await sealedRequest();
    return submit(app, await breakIt(request), request.id);
  });
sealedBreak('a key id the server does not hold', async (r) => ({ ...(await sealedRequest({ id: r.id }, {}, TEST_KEY_2)) }));
sealedBreak('a made-up key id', (r) => withValue(r, 'payload.keyId', 'k-000000000000'));
sealedBreak('the key id of another key than the one it was sealed to', async (r) => withValue(await sealedRequest({ id: r.id }, {}, TEST_KEY_2), 'payload.keyId', TEST_KEY.keyId));
sealedBreak('the first ciphertext byte flipped', (r) => withValue(r, 'payload.ciphertext', flipByte(r.payload.ciphertext, 0)));
sealedBreak('the tag flipped', (r) => withValue(r, 'payload.ciphertext', flipByte(r.payload.ciphertext, -1)));
sealedBreak('the ciphertext cut short', (r) => withValue(r, 'payload.ciphertext', r.payload.ciphertext.slice(0, 40)));
sealedBreak('the ciphertext with bytes appended', (r) => withValue(r, 'payload.ciphertext', `${r.payload.ciphertext}AAAA`));
sealedBreak('an empty ciphertext', (r) => withValue(r, 'payload.ciphertext', ''));
sealedBreak('a ciphertext in padded base64', (r) => withValue(r, 'payload.ciphertext', Buffer.from(r.payload.ciphertext, 'base64url').toString('base64')));
sealedBreak('enc flipped (off the curve)', (r) => withValue(r, 'payload.enc', flipByte(r.payload.enc, -1)));
sealedBreak('enc of another sealing', async (r) => withValue(r, 'payload.enc', (await sealedRequest()).payload.enc));
sealedBreak('enc all zeros', (r) => withValue(r, 'payload.enc', encodeBase64Url(new Uint8Array(65))));
sealedBreak('enc a compressed point', (r) => withValue(r, 'payload.enc', encodeBase64Url(Buffer.from(r.payload.enc, 'base64url').subarray(0, 33))));
sealedBreak('enc empty', (r) => withValue(r, 'payload.enc', ''));
sealedBreak('moved onto another application (wrong associated data)', async (r) => ({ ...r, payload: (await sealedRequest()).payload }));
sealedBreak('sealed to an upper-case id it does not carry', async (r) => ({ ...r, payload: (await sealedRequest({ id: crypto.randomUUID().toUpperCase() })).payload }));
sealedBreak('content that is not JSON', async (r) => ({ ...r, payload: await sealedText('not json {', r.id) }));
sealedBreak('content that is not UTF-8', async (r) => ({ ...r, payload: await sealedText(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), r.id) }));
sealedBreak('content without answers', async (r) => ({ ...r, payload: await sealedText('{"assistedBy":"agent-1"}', r.id) }));
sealedBreak('answers in clear beside the sealed ones', (r) => ({ ...r, payload: { ...r.payload, answers: LIFE_CERTIFICATE_ANSWERS } }));
sealedBreak('the clear encoding with sealed fields', (r) => ({ ...r, payload: { ...r.payload, encoding: 'json' } }));

// Replays: the same request again is answered, never stored twice; other replays refused.
add('replay: the same key with a different body', async ({ app }) => {
  const request = await sealedRequest();
  expect((await submit(app, request as unknown as Body)).status).toBe(201);
  return submit(app, { ...request, terminalId: 'relay-other' });
});
add('replay: an accepted envelope under a new id', async ({ app }) => {
  const request = await sealedRequest();
  expect((await submit(app, request as unknown as Body)).status).toBe(201);
  const id = crypto.randomUUID();
  return submit(app, { ...request, id }, id);
});
add("replay: an accepted body under another application's key", async ({ app }) => {
  const request = await sealedRequest();
  expect((await submit(app, request as unknown as Body)).status).toBe(201);
  return submit(app, request as unknown as Body, crypto.randomUUID());
});

// Device tokens (DESIGN §5): every route but health and enrollment refuses a call without a
// live token of an enrolled terminal, whatever else the request gets right.
const GUARDED: Array<[string, (app: Hono, authorization: string) => Promise<Response>]> = [
  ['catalog', (app, authorization) => Promise.resolve(app.request('/api/catalog', { headers: { authorization } }))],
  ['relay configuration', (app, authorization) => Promise.resolve(app.request('/api/relay', { headers: { authorization } }))],
  ['tracking', (app, authorization) => Promise.resolve(app.request('/api/submissions/ABCDE-FGHJK', { headers: { authorization } }))],
  ['submission', async (app, authorization) => {
    const request = await sealedRequest();
    return postSubmission(app, request, request.id, { authorization });
  }],
  ['audit', (app, authorization) => post(app, '/api/audit', JSON.stringify({ events: [auditEvent()] }), { authorization })],
  ['token renewal', (app, authorization) => post(app, '/api/terminal/token', '', { authorization })],
  ['staff session', (app, authorization) => post(app, '/api/staff/sessions', JSON.stringify({ staffId: 'supervisor-test', pin: '135790' }), { authorization })],
  ['terminal list', (app, authorization) => Promise.resolve(app.request('/api/terminals', { headers: { authorization } }))],
  ['revocation', (app, authorization) => post(app, '/api/terminals/relay-tafraout-01/revoke', '', { authorization })],
  ['figures', (app, authorization) => Promise.resolve(app.request('/api/relay/figures?days=30', { headers: { authorization } }))],
  ['speech clip', (app, authorization) => post(app, '/api/speech/clips', JSON.stringify({ lang: 'fr', key: 'consent.title' }), { authorization })],
];
const FORGED: Array<[string, (tokens: Context['tokens']) => string]> = [
  ['no token', () => ''],
  ['an empty bearer', () => 'Bearer '],
  ['another scheme', () => 'Basic c3VwZXJ2aXNvcjoxMzU3OTA='],
  ['a forged token of the right shape', () => `Bearer rlt_${'A'.repeat(43)}`],
  ['a token of the wrong shape', () => 'Bearer rlt_short'],
  ['a staff token as a device token', () => `Bearer rls_${'B'.repeat(43)}`],
  ['SQL in the token', () => "Bearer rlt_' OR '1'='1"],
  ['an expired token', (t) => `Bearer ${t.expired}`],
  ['a revoked token', (t) => `Bearer ${t.revoked}`],
  ['a live token with a byte changed', (t) => `Bearer ${t.other.slice(0, -1)}${t.other.endsWith('A') ? 'B' : 'A'}`],
];
for (const [route, send] of GUARDED) {
  for (const [what, token] of FORGED) add(`device token: ${route} with ${what}`, ({ app, tokens }) => send(app, token(tokens)));
}
add("device token: audit events in another terminal's name", ({ app, tokens }) =>
  post(app, '/api/audit', JSON.stringify({ events: [auditEvent({ terminalId: 'relay-tafraout-01' })] }), { authorization: `Bearer ${tokens.other}` }),
);
add('device token: terminal list without a supervisor session', ({ app }) => Promise.resolve(app.request('/api/terminals')));
add('device token: terminal list with a forged supervisor session', ({ app }) =>
  Promise.resolve(app.request('/api/terminals', { headers: { 'X-Relais-Staff': `rls_${'C'.repeat(43)}` } })),
);
add('device token: revocation without a supervisor session', ({ app }) => post(app, '/api/terminals/relay-tafraout-02/revoke', ''));
add('device token: figures without a supervisor session', ({ app }) => Promise.resolve(app.request('/api/relay/figures?days=7&tz=UTC')));
add('device token: speech clip without a staff session', ({ app }) => post(app, '/api/speech/clips', JSON.stringify({ lang: 'fr', key: 'consent.title' })));
add('device token: speech clip with a forged staff session and SQL in the key', ({ app }) =>
  post(app, '/api/speech/clips', JSON.stringify({ lang: 'fr', key: "x'; DROP TABLE speech_clips; --" }), { 'X-Relais-Staff': `rls_${'E'.repeat(43)}` }),
);
add('device token: figures with a forged supervisor session and SQL in the time zone', ({ app }) =>
  Promise.resolve(app.request(`/api/relay/figures?tz=${encodeURIComponent("UTC'; DROP TABLE submissions; --")}`, { headers: { 'X-Relais-Staff': `rls_${'D'.repeat(43)}` } })),
);

// Enrollment: the one call without a device token, so its body is checked as closely.
const ENROLL = { terminalId: 'relay-new-01', label: 'Guichet 2', staffId: 'supervisor-test', pin: '135790' };
const enroll = (app: Hono, body: unknown) => post(app, '/api/terminals/enroll', typeof body === 'string' ? body : JSON.stringify(body));
for (const text of ['{', '', '[]', 'null', '"x"', nestedObject(40)]) add(`enrollment: body ${JSON.stringify(text.slice(0, 20))}`, ({ app }) => enroll(app, text));
for (const field of Object.keys(ENROLL)) {
  add(`enrollment: without ${field}`, ({ app }) => enroll(app, withValue(ENROLL, field, undefined)));
  for (const [label, value] of WRONG_TYPES) add(`enrollment: ${field} as ${label}`, ({ app }) => enroll(app, withValue(ENROLL, field, value)));
  // A label is a name a supervisor types: quotes are fine there (parameterized SQL), so SQL goes to the ids only.
  for (const odd of [...ODD_UNICODE, ...(field === 'label' ? [] : [INJECTIONS[0]!]), 'x'.repeat(10_000)]) add(`enrollment: ${field} = ${JSON.stringify(odd.slice(0, 12))}`, ({ app }) => enroll(app, withValue(ENROLL, field, odd)));
}
add('enrollment: an empty label', ({ app }) => enroll(app, { ...ENROLL, label: '   ' }));
add('enrollment: a PIN of letters', ({ app }) => enroll(app, { ...ENROLL, pin: 'abcdef' }));
add('enrollment: the wrong PIN', ({ app }) => enroll(app, { ...ENROLL, staffId: 'supervisor-guess', pin: '000000' }));
add('enrollment: an unknown member', ({ app }) => enroll(app, { ...ENROLL, staffId: 'nobody-here', pin: '135790' }));
add("enrollment: an agent's right PIN", ({ app }) => enroll(app, { ...ENROLL, staffId: 'agent-test', pin: '246810' }));
add('enrollment: a huge body', ({ app }) => enroll(app, { ...ENROLL, label: 'x'.repeat(MAX_SUBMISSION_BYTES) }));

/** Refusals that replay an accepted request first store that one; it is not counted. */
const storesFirst = (c: HostileCase) => c.name.startsWith('replay:');

describe.each(STORES)('hostile input (%s)', (kind) => {
  const db = useTestDb(kind, { reset: false });
  const device = useDeviceToken(db, { reset: false });
  let relay: RelayConfig | undefined;
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay! }), device());
  const tokens = { expired: '', revoked: '', other: '' };
  const counts = async () =>
    (
      await db().query<{ s: number; a: number; k: number; t: number; ss: number }>(
        `SELECT (SELECT count(*)::int FROM submissions) AS s, (SELECT count(*)::int FROM audit_events) AS a,
                (SELECT count(*)::int FROM idempotency_keys) AS k, (SELECT count(*)::int FROM terminals) AS t,
                (SELECT count(*)::int FROM staff_sessions) AS ss`,
      )
    )[0]!;

  beforeAll(async () => {
    await publishCatalog(db(), demoServices());
    relay = await testRelayConfig();
    tokens.expired = await enrollForTest(db(), 'relay-expired', { ttlDays: 1, now: new Date(Date.now() - 3 * 86_400_000) });
    tokens.revoked = await enrollForTest(db(), 'relay-revoked');
    await revokeTerminal(db(), TEST_RELAY, 'relay-revoked', 'supervisor-test');
    tokens.other = await enrollForTest(db(), 'relay-tafraout-02');
  });
  const byCode = new Map<string, number>();
  afterAll(() => {
    const tally = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(`hostile input (${kind}): ${cases.length} hostile cases refused cleanly (${tally}); ${INJECTIONS.length} injection strings stored verbatim as free text`);
  });

  it.each(cases)(`refuses $name with a clean 4xx and stores nothing (${cases.length} hostile cases)`, async (hostile) => {
    const before = await counts();
    const res = await hostile.send({ app: app(), tokens });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(res.status, text.slice(0, 300)).toBeLessThan(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const problem = JSON.parse(text) as { code: ProblemCode; status: number; type: string };
    expect(KNOWN_CODES).toContain(problem.code);
    const key = `${res.status} ${problem.code}`;
    byCode.set(key, (byCode.get(key) ?? 0) + 1);
    expect(problem).toMatchObject({ status: res.status, type: `urn:relais:problem:${problem.code}` });
    expect(text).not.toMatch(LEAK);
    const after = await counts();
    const stored = storesFirst(hostile) ? 1 : 0;
    expect(after).toEqual({ s: before.s + stored, a: before.a + stored, k: before.k + stored, t: before.t, ss: before.ss });
  });

  it.each(INJECTIONS)('stores the injection string %j in a free-text answer verbatim, and every table survives', async (attack) => {
    const name = `Fatima ${attack}`.slice(0, 80);
    const request = await sealedRequest({}, { answers: { ...LIFE_CERTIFICATE_ANSWERS, fullName: name } });
    expect((await submit(app(), request as unknown as Body)).status).toBe(201);
    const [row] = await db().query<{ name: string }>("SELECT answers->>'fullName' AS name FROM submissions WHERE id = $1", [request.id]);
    expect(row?.name).toBe(name);
    await db().query('SELECT 1 FROM submissions, audit_events, idempotency_keys LIMIT 1');
  });

  it('keeps serving: health, catalog and a valid sealed application after all of it', async () => {
    expect((await app().request('/api/health')).status).toBe(200);
    expect((await app().request('/api/catalog')).status).toBe(200);
    const request = await sealedRequest();
    expect((await submit(app(), request as unknown as Body)).status).toBe(201);
    expect((await submit(app(), request as unknown as Body)).status).toBe(201); // a replay gets the receipt again
    expect((await audit(app(), { events: [auditEvent()] })).status).toBe(200);
  });
});
