/**
 * A throwaway PostgreSQL server for tests (vitest's server suite and Playwright's global
 * setup, so no test-runner imports here). It uses Debian's packaged binaries, listens on
 * 127.0.0.1 on a free port with trust authentication, keeps its socket inside its own
 * folder, and is deleted by stop(). Missing binaries are an error, never a skip: the
 * PostgreSQL store must be tested.
 */
import { execFile as execFileCb } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCb);
const PG_ROOT = '/usr/lib/postgresql';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The bin folder of the highest installed major version. */
function findBinaries(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((name) => /^\d+$/.test(name) && existsSync(join(PG_ROOT, name, 'bin', 'initdb')) && existsSync(join(PG_ROOT, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`PostgreSQL binaries not found under ${PG_ROOT}/*/bin (initdb, pg_ctl): install the Debian package "postgresql"`);
  }
  return join(PG_ROOT, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root: then the folder goes to user postgres and we run as it. */
async function asOwner(folder: string): Promise<(bin: string, args: string[]) => Promise<void>> {
  const root = process.getuid?.() === 0;
  if (root) {
    const { stdout: uid } = await execFile('id', ['-u', 'postgres']);
    const { stdout: gid } = await execFile('id', ['-g', 'postgres']);
    chownSync(folder, Number(uid.trim()), Number(gid.trim()));
  }
  return async (bin, args) => {
    try {
      await (root ? execFile('runuser', ['-u', 'postgres', '--', bin, ...args]) : execFile(bin, args));
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${bin} failed: ${e.stderr?.trim() || e.message}`);
    }
  };
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = findBinaries();
  const folder = mkdtempSync(join(tmpdir(), 'relais-pg-'));
  const data = join(folder, 'data');
  const socketDir = join(folder, 'socket');
  try {
    const run = await asOwner(folder);
    await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    await run('/bin/mkdir', [socketDir]);
    const port = await freePort();
    const options = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${socketDir}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
    // -w waits until the server accepts connections.
    await run(join(bin, 'pg_ctl'), ['-D', data, '-o', options.join(' '), '-l', join(folder, 'postgres.log'), '-w', '-t', '60', 'start']);
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
