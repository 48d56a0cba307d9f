#!/usr/bin/env node
// src/core must stay pure (STYLE.md habit 1): no UI, storage, network or Node imports and
// no browser globals. The core tsconfig (no DOM, no node types) catches most of it; this
// catches what type-checking cannot, such as an import of a DOM-free package that is
// still the wrong layer (dexie, preact) or a global reached through globalThis.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN_IMPORTS = [/^preact/, /^dexie/, /^node:/, /^i18next/, /^workbox/, /^hono/, /^pg$/, /^@electric-sql/];
const FORBIDDEN_GLOBALS = /(?<![.\w/'])((window|document|localStorage|sessionStorage|indexedDB|navigator|process)\s*\.|(fetch|setTimeout|setInterval|XMLHttpRequest)\s*\()/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

const problems = [];
for (const path of files('src/core')) {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*(\*|\/\*)/.test(line)) return;
    const spec = /\bfrom\s+['"]([^'"]+)['"]/.exec(code)?.[1] ?? /\bimport\(\s*['"]([^'"]+)['"]/.exec(code)?.[1];
    if (spec && FORBIDDEN_IMPORTS.some((re) => re.test(spec))) problems.push(`${path}:${i + 1}: imports ${spec}`);
    if (FORBIDDEN_GLOBALS.test(code)) problems.push(`${path}:${i + 1}: uses a platform global: ${code.trim()}`);
  });
}
if (problems.length) {
  console.error(`src/core is not pure:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('src/core is pure: no UI, storage, network or Node dependencies');
