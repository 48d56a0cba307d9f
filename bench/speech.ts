/**
 * Speech in Debian's Chromium (issue 3, "Measure"), each line against a baseline of the
 * same run:
 *  - speak → audio start: the click on the consent screen's speak button (which calls the
 *    speech layer's speak()) to the `playing` event of the speech <audio> element. A
 *    recorded clip (the speech module already loaded) against eSpeak NG warm (its worker
 *    already running); eSpeak NG cold (first use after a page load: worker and WebAssembly
 *    started, files from the service worker's cache) against the same warm baseline.
 *  - storage per minute of recorded prompts: what MediaRecorder makes at the studio's
 *    settings (Opus in WebM, 32 kbit/s) from 10 s of a speech-like test signal, and what
 *    the studio stores after trimming (16 kHz 16-bit WAV, computed), against 16-bit PCM
 *    WAV at 48 kHz (the microphone's rate, uncompressed).
 *  - recording coverage per language for the demo catalog: % of the prompts the studio
 *    lists (UI strings, catalog texts, pieces) that have a current clip published on the
 *    server (a fresh bench server holds only the clip this bench publishes), baseline = the
 *    number of prompts.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { ServiceDefinition } from '../src/core/forms/types.ts';
import type { Tree } from '../src/core/i18n/coverage.ts';
import { UI_LANGUAGES } from '../src/core/i18n/languages.ts';
import { spokenLanguage } from '../src/core/speech/lang.ts';
import type { SpeechManifest } from '../src/core/speech/manifest.ts';
import { coverageOf, studioPrompts } from '../src/core/speech/prompts.ts';
import { clipStatus } from '../src/core/speech/select.ts';
import { speechTextHash } from '../src/core/speech/text.ts';
import { encodeWav, wavBytesPerMinute } from '../src/core/speech/trim.ts';
import { API, STAFF_HEADER, type DeviceToken, type StaffSession } from '../src/core/sync/protocol.ts';
import { loadDemoCatalog } from '../tests/fixtures/catalog/demo-catalog.ts';
import { chooseLanguage, enrollTerminal } from '../tests/e2e/support/kiosk.ts';
import { storeClip } from '../tests/e2e/support/speech.ts';
import { median, type BenchLine } from './lib/report.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];
const TITLE = 'Vos données personnelles';

function toneWav(seconds: number): number[] {
  const rate = 16000;
  const s = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < s.length; i++) s[i] = 0.3 * Math.sin((2 * Math.PI * 220 * i) / rate);
  return [...encodeWav(s, rate)];
}

async function openConsent(page: Page): Promise<void> {
  await page.reload();
  await chooseLanguage(page, 'fr');
  await page.locator('[data-service="residence-certificate"]').click();
  await page.getByRole('button', { name: 'Commencer la demande' }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

/** Puts (wav given) or deletes the consent.title clip in the kiosk's relais-speech database. */
const setClip = (page: Page, wav: number[] | null) => storeClip(page, { key: 'consent.title', lang: 'fr', text: TITLE, wav });

/** Click on the speak button → `playing` of the speech audio, in ms; then reading is stopped. */
async function speakToSound(page: Page): Promise<number> {
  const clicked = await page.evaluate(() => {
    const w = window as unknown as { __playing?: number };
    delete w.__playing;
    document.addEventListener('playing', () => (w.__playing ??= performance.now()), { capture: true, once: true });
    const at = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Écouter'))!.click();
    return at;
  });
  await page.waitForFunction(() => (window as unknown as { __playing?: number }).__playing !== undefined, undefined, { timeout: 60_000, polling: 10 });
  const playing = await page.evaluate(() => (window as unknown as { __playing: number }).__playing);
  await page.getByRole('button', { name: 'Arrêter la lecture' }).click();
  await page.getByRole('button', { name: 'Écouter' }).waitFor();
  return playing - clicked;
}

/** Bytes MediaRecorder makes at the studio's settings from `seconds` of a speech-like signal. */
async function opusBytes(page: Page, seconds: number): Promise<number> {
  return page.evaluate(async (seconds) => {
    const ctx = new AudioContext({ sampleRate: 48000 });
    const voice = ctx.createOscillator();
    voice.type = 'sawtooth';
    voice.frequency.value = 140;
    const pitch = ctx.createOscillator(); // intonation
    pitch.frequency.value = 3;
    const pitchDepth = ctx.createGain();
    pitchDepth.gain.value = 30;
    pitch.connect(pitchDepth).connect(voice.frequency);
    const formant = ctx.createBiquadFilter();
    formant.type = 'bandpass';
    formant.frequency.value = 900;
    formant.Q.value = 2;
    const syllables = ctx.createGain(); // ~4 syllables a second
    const lfo = ctx.createOscillator();
    lfo.frequency.value = 4;
    const lfoDepth = ctx.createGain();
    lfoDepth.gain.value = 0.5;
    syllables.gain.value = 0.5;
    lfo.connect(lfoDepth).connect(syllables.gain);
    const out = ctx.createMediaStreamDestination();
    voice.connect(formant).connect(syllables).connect(out);
    for (const o of [voice, pitch, lfo]) o.start();
    const recorder = new MediaRecorder(out.stream, { mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((ok) => (recorder.onstop = ok));
    recorder.start();
    await new Promise((ok) => setTimeout(ok, seconds * 1000));
    recorder.stop();
    await stopped;
    await ctx.close();
    return new Blob(chunks).size;
  }, seconds);
}

export async function speechBench(url: string, device: DeviceToken, runs = 5): Promise<BenchLine[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const lines: BenchLine[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await chooseLanguage(page, 'fr');
    await enrollTerminal(page, 'bench-speech');
    await page.waitForSelector('[data-service]');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const wav = toneWav(1);
    const cold: number[] = [];
    const warm: number[] = [];
    const clip: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await openConsent(page); // a fresh page: no worker, no speech module yet
      await setClip(page, null);
      const c = await speakToSound(page); // eSpeak NG cold
      const w = await speakToSound(page); // eSpeak NG warm
      await setClip(page, wav);
      const r = await speakToSound(page); // the recorded clip
      if (i === 0) continue; // the very first load also fills caches: not counted
      cold.push(c);
      warm.push(w);
      clip.push(r);
    }
    const warmMedian = median(warm);
    const detail = (v: number[]) => ({ min: Math.min(...v), max: Math.max(...v) });
    lines.push(
      { name: `speak → audio start, recorded clip (consent title, French; median of ${runs})`, value: median(clip), unit: 'ms', baseline: { name: 'eSpeak NG WASM, warm', value: warmMedian }, ratio: median(clip) / warmMedian, detail: detail(clip) },
      { name: `speak → audio start, eSpeak NG WASM cold (first use after page load; median of ${runs})`, value: median(cold), unit: 'ms', baseline: { name: 'eSpeak NG WASM, warm', value: warmMedian }, ratio: median(cold) / warmMedian, detail: detail(cold) },
    );

    const seconds = 10;
    const opusPerMinute = ((await opusBytes(page, seconds)) * 60) / seconds;
    const pcm48 = wavBytesPerMinute(48_000);
    lines.push(
      { name: 'recorded prompts per minute: Opus/WebM at the studio’s 32 kbit/s (as recorded, measured)', value: opusPerMinute / 1024, unit: 'KiB', baseline: { name: '16-bit PCM WAV 48 kHz mono', value: pcm48 / 1024 }, ratio: opusPerMinute / pcm48 },
      { name: 'recorded prompts per minute: as stored after trimming (16-bit WAV 16 kHz mono, computed)', value: wavBytesPerMinute(16_000) / 1024, unit: 'KiB', baseline: { name: '16-bit PCM WAV 48 kHz mono', value: pcm48 / 1024 }, ratio: wavBytesPerMinute(16_000) / pcm48 },
    );
  } finally {
    await browser.close();
  }

  // Publish the clip timed above, as an agent would (a staff session opened with the demo
  // agent's PIN on this terminal), then read coverage from the server's manifest.
  const auth = { Authorization: `Bearer ${device.token}` };
  const opened = await fetch(`${url}${API.staffSessions}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ staffId: 'agent-demo', pin: '246810' }) });
  if (opened.status !== 201) throw new Error(`opening the demo agent's staff session answered ${opened.status}`);
  const { token: staff } = (await opened.json()) as StaffSession;
  const body = { lang: 'fr', key: 'consent.title', text: TITLE, textHash: speechTextHash(TITLE, 'fr'), mime: 'audio/wav', durationMs: 1000, recordedBy: 'agent-demo', audio: Buffer.from(toneWav(1)).toString('base64') };
  const published = await fetch(`${url}/api/speech/clips`, { method: 'POST', headers: { ...auth, [STAFF_HEADER]: staff, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!published.ok) throw new Error(`publishing the bench clip answered ${published.status}`);
  const manifest = ((await (await fetch(`${url}/api/speech/manifest`, { headers: auth })).json()) as SpeechManifest).clips;
  const services = loadDemoCatalog().map((f) => f.json as ServiceDefinition);
  for (const lang of UI_LANGUAGES) {
    const tree = JSON.parse(readFileSync(`locales/${lang}/common.json`, 'utf8')) as Tree;
    const prompts = studioPrompts(lang, tree, services);
    const spoken = spokenLanguage(lang);
    const held = new Map(manifest.filter((e) => e.lang === spoken).map((e) => [e.key, e]));
    const cover = coverageOf(prompts, new Map(prompts.map((p) => [p.key, clipStatus(held.get(p.key), p.text, lang)])));
    lines.push({
      name: `recording coverage, ${lang}, demo catalog: ${cover.recorded} of ${cover.total} prompts recorded (clips published on the bench server)`,
      value: cover.total ? (100 * cover.recorded) / cover.total : 0,
      unit: '%',
      detail: { recorded: cover.recorded, stale: cover.stale, missing: cover.missing, ui: prompts.filter((p) => p.source === 'ui').length, catalog: prompts.filter((p) => p.source === 'catalog').length, pieces: prompts.filter((p) => p.source === 'piece').length },
    });
  }
  return lines;
}
