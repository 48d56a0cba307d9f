/**
 * `npm run staff -- <command>`: manage the relay's agents and supervisors.
 *   list
 *   add --id agent-01 --name "Amina Idrissi" --role agent|supervisor --pin 123456
 *   remove --id agent-01
 * Writes RELAY_CONFIG (default `${DATA_DIR}/relay.json`); terminals pick it up at their next sync.
 */
import { parseArgs } from 'node:util';
import { PIN_PATTERN, STAFF_ID_PATTERN } from '../../src/core/auth/staff.ts';
import { loadOrCreateRelayConfig, newPinHash, relayConfigPath, writeRelayConfig } from '../relay/relay-config.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, pin: { type: 'string' } },
});
const path = relayConfigPath();
const config = await loadOrCreateRelayConfig(path);
const command = positionals[0] ?? 'list';

if (command === 'list') {
  for (const s of config.staff) console.log(`${s.id}\t${s.role}\t${s.name}`);
} else if (command === 'add') {
  const { id, name, role, pin } = values;
  if (!id || !STAFF_ID_PATTERN.test(id) || !name || (role !== 'agent' && role !== 'supervisor') || !pin || !PIN_PATTERN.test(pin)) {
    console.error('usage: add --id ID --name NAME --role agent|supervisor --pin DIGITS (6 to 12); ID is ASCII letters, digits and . _ : @ -');
    process.exit(2);
  }
  const staff = config.staff.filter((s) => s.id !== id);
  staff.push({ id, name, role, pin: await newPinHash(pin) });
  writeRelayConfig(path, { ...config, staff });
  console.log(`${id} saved in ${path}`);
} else if (command === 'remove') {
  writeRelayConfig(path, { ...config, staff: config.staff.filter((s) => s.id !== values.id) });
  console.log(`${values.id} removed from ${path}`);
} else {
  console.error(`unknown command ${command}: list | add | remove`);
  process.exit(2);
}
