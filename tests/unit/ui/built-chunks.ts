/**
 * For the tests that keep a library out of start-up JavaScript (scan-startup, figures-startup):
 * the chunks the built kiosk loads at start-up, and which source files import what.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The entry scripts of `<dist>/index.html`, its modulepreloads and every chunk they import statically. */
export function startupChunks(dist: string): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static `import … from "./x.js"`, `export … from "./x.js"` and bare `import "./x.js"`; import() is lazy.
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) visit(join(file, '..', m[1]!));
  };
  for (const entry of entries) visit(entry);
  return seen;
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? sourceFiles(join(dir, n)) : /\.tsx?$/.test(n) ? [join(dir, n)] : []));

/** The files under src/ whose text matches (an import statement, usually). */
export const importersOf = (re: RegExp): string[] => sourceFiles('src').filter((f) => re.test(readFileSync(f, 'utf8')));

/**
 * Where a library's marker strings (texts of its own that survive minification) stand in
 * the build: the start-up chunks holding any of them (`file: markers`), and the other
 * chunks holding them all. Throws when there is no build to read.
 */
export function chunksWithMarkers(dist: string, markers: string[]): { startupHits: string[]; lazyWithAll: string[] } {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no ${dist}/index.html: build the kiosk first (npm test does)`);
  const startup = startupChunks(dist);
  if (startup.size === 0) throw new Error(`${dist}/index.html names no script`);
  const found = (file: string) => markers.filter((m) => readFileSync(join(dist, file), 'utf8').includes(m));
  const startupHits = [...startup].flatMap((file) => (found(file).length > 0 ? [`${file}: ${found(file).join(', ')}`] : []));
  const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  return { startupHits, lazyWithAll: chunks.filter((f) => !startup.has(f) && found(f).length === markers.length) };
}
