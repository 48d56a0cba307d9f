/**
 * `npm run i18n:tifinagh`: writes the Tifinagh locale files from the Latin ones, so each
 * Amazigh string is written (and reviewed) once:
 *   locales/<shi|tzm|rif>-Latn/*.json → locales/<…>-Tfng/*.json
 *   locales/sources/zgh-Latn/*.json  → locales/zgh/*.json (Standard Amazigh is shown in Tifinagh only)
 * `npm run i18n:check` fails when a generated file is out of date.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { transcribeToTifinagh } from '../src/core/i18n/transcribe.ts';

export const TRANSCRIBED: ReadonlyArray<[string, string]> = [
  ['locales/shi-Latn', 'locales/shi-Tfng'],
  ['locales/tzm-Latn', 'locales/tzm-Tfng'],
  ['locales/rif-Latn', 'locales/rif-Tfng'],
  ['locales/sources/zgh-Latn', 'locales/zgh'],
];

type Tree = { [key: string]: string | Tree };
const mapTree = (tree: Tree): Tree => Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === 'string' ? transcribeToTifinagh(v) : mapTree(v)]));

/** The generated files as path → text, without writing them. */
export function generatedFiles(root = '.'): Map<string, string> {
  const out = new Map<string, string>();
  for (const [from, to] of TRANSCRIBED) {
    for (const file of readdirSync(`${root}/${from}`).filter((f) => f.endsWith('.json')).sort()) {
      const tree = JSON.parse(readFileSync(`${root}/${from}/${file}`, 'utf8')) as Tree;
      out.set(`${to}/${file}`, `${JSON.stringify(mapTree(tree), null, 2)}\n`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [path, text] of generatedFiles()) {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
