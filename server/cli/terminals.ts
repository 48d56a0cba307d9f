/**
 * `npm run terminals -- <command>`: the relay's enrolled terminals, from the back office.
 *   list                         every terminal: id, label, enrolled, last seen, revoked
 *   revoke --id TERMINAL [--by OPERATOR]
 *                                its device token and staff sessions stop working at once
 * Terminals are enrolled from the kiosk itself by a supervisor (id + PIN); a revoked
 * terminal keeps its queued applications sealed until a supervisor enrols it again.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { recordServerEvent } from '../audit/store-audit.ts';
import { relayConfigPath, readRelayConfig } from '../relay/relay-config.ts';
import { openDb } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { listTerminals, revokeTerminal } from '../terminals/terminal-store.ts';
import { existsSync } from 'node:fs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { id: { type: 'string' }, by: { type: 'string' } } });
const command = positionals[0] ?? 'list';
if (command !== 'list' && command !== 'revoke') {
  console.error(`unknown command ${command}: list | revoke --id TERMINAL [--by OPERATOR]`);
  process.exit(2);
}
const path = relayConfigPath();
if (!existsSync(path)) {
  console.error(`No relay configuration at ${path}: start the server once, or set RELAY_CONFIG`);
  process.exit(2);
}
const { relayId } = await readRelayConfig(path);
const config = readConfig();
const db = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
try {
  await migrate(db);
  if (command === 'list') {
    const terminals = await listTerminals(db, relayId);
    if (terminals.length === 0) console.log(`No terminal of ${relayId} is enrolled yet.`);
    for (const t of terminals) {
      const state = t.revokedAt ? `revoked ${t.revokedAt} by ${t.revokedBy}` : `token until ${t.tokenExpiresAt}`;
      console.log(`${t.terminalId}\t${t.label}\tenrolled ${t.enrolledAt} by ${t.enrolledBy}\tlast seen ${t.lastSeenAt ?? 'never'}\t${state}`);
    }
  } else {
    const id = values.id;
    const by = values.by ?? process.env.USER ?? 'operator';
    if (!id) {
      console.error('usage: revoke --id TERMINAL [--by OPERATOR]');
      process.exitCode = 2;
    } else {
      const outcome = await db.transaction(async (tx) => {
        const result = await revokeTerminal(tx, relayId, id, by);
        if (result === 'revoked') await recordServerEvent(tx, { action: 'terminal-revoked', actor: by, terminalId: id, at: new Date() });
        return result;
      });
      if (outcome === 'unknown') {
        console.error(`${id} is not a terminal of ${relayId}`);
        process.exitCode = 1;
      } else console.log(outcome === 'revoked' ? `${id} revoked` : `${id} was already revoked`);
    }
  }
} finally {
  await db.close();
}
