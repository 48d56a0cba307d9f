/** Reads the server's own stored rows, the ground truth for "arrived exactly once". */
import pg from 'pg';

/** One query on the e2e server's database, on its own connection. */
export async function serverQuery<Row>(sql: string, params: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: process.env.RELAIS_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

export function storedSubmissions(id: string): Promise<Array<{ id: string; tracking_code: string; service_id: string; answers: Record<string, unknown>; assisted_by: string | null; consent_version: string | null }>> {
  return serverQuery('SELECT id::text AS id, tracking_code, service_id, answers, assisted_by, consent_version FROM submissions WHERE id = $1', [id]);
}

/** The stored rows of these applications (one per application stored), with the terminal that delivered each. */
export function submissionRows(ids: string[]): Promise<Array<{ id: string; terminal_id: string; received_from: string | null }>> {
  return serverQuery('SELECT id::text AS id, terminal_id, received_from FROM submissions WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]);
}
