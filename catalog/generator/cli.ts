/**
 * Writes a generated catalog as one `<id>.json` file per service, the layout of
 * catalog/services, so it can be published with CATALOG_DIR or inspected by hand:
 *
 *   node --import tsx catalog/generator/cli.ts --count 2700 --seed 2700 --out /tmp/catalog
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_COUNT, DEFAULT_SEED, generateCatalog } from './generate-catalog.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: String(DEFAULT_COUNT) },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    out: { type: 'string' },
  },
});
if (!values.out) {
  console.error('usage: cli.ts --out <folder> [--count 2700] [--seed 2700]');
  process.exit(2);
}
const services = generateCatalog({ count: Number(values.count), seed: Number(values.seed) });
mkdirSync(values.out, { recursive: true });
for (const service of services) writeFileSync(join(values.out, `${service.id}.json`), `${JSON.stringify(service, null, 2)}\n`);
console.log(`Wrote ${services.length} services to ${values.out}`);
