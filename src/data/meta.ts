import type { RelaisDb } from './db.ts';

export async function getMeta<T>(database: RelaisDb, key: string): Promise<T | undefined> {
  return (await database.meta.get(key))?.value as T | undefined;
}

export async function setMeta(database: RelaisDb, key: string, value: unknown): Promise<void> {
  await database.meta.put({ key, value });
}

/** This terminal's id, made once; a supervisor enrols the terminal under it (data/enrollment.ts). */
export async function terminalId(database: RelaisDb): Promise<string> {
  // Read first: after the first start the id exists, and a read-write transaction on every
  // submit and audit entry was most of the cost of queueing an application (bench).
  const known = await getMeta<string>(database, 'terminalId');
  if (known) return known;
  return database.transaction('rw', database.meta, async () => {
    const existing = await getMeta<string>(database, 'terminalId');
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(database, 'terminalId', id);
    return id;
  });
}
