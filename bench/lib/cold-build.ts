/**
 * Child process of bench/search-latency.ts: builds the search index once, in a fresh V8
 * (as the kiosk's worker does), and prints the milliseconds. Argument: the catalog size.
 */
import { generateCatalog } from '../../catalog/generator/generate-catalog.ts';
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { buildSearchIndex } from '../../src/core/search/search-index.ts';
import { loadDemoCatalog } from '../../tests/fixtures/catalog/demo-catalog.ts';

const size = Number(process.argv[2]);
const demo = loadDemoCatalog().map(({ json }) => json as ServiceDefinition);
const services = [...demo, ...generateCatalog({ count: size - demo.length })];
const start = performance.now();
buildSearchIndex(services, 1);
console.log(performance.now() - start);
