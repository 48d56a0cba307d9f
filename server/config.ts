/** The server's settings, from the environment (documented in server/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TOKEN_TTL_DAYS } from './terminals/terminal-store.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  catalogDir: string;
  /** Sealing key pairs (`<keyId>.json`) and `current`; default `${dataDir}/keys`. */
  keysDir: string;
  /** Requests per minute per terminal (or client address); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Whether direct requests from this machine (loopback) are limited too. */
  rateLimitLoopback: boolean;
  /** Days a terminal's device token lives before the terminal must have renewed it. */
  tokenTtlDays: number;
  /** Minutes without a heartbeat before a terminal shows as stale on the dashboard. */
  staleAfterMinutes: number;
  version: string;
}

/** Default requests per minute per terminal: a kiosk's outbox backlog drains in a few minutes. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;

function nonNegativeInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0, not '${raw}'`);
  return value;
}

function positiveDays(raw: string | undefined): number {
  const days = nonNegativeInteger('TOKEN_TTL_DAYS', raw, DEFAULT_TOKEN_TTL_DAYS);
  if (days === 0) throw new Error('TOKEN_TTL_DAYS must be at least 1');
  return days;
}

/** The server reports package.json's version, so kiosk and server releases line up. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not '${env.PORT}'`);
  const dataDir = env.DATA_DIR || './data';
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: env.STATIC_DIR || './dist',
    catalogDir: env.CATALOG_DIR || './catalog/services',
    keysDir: env.KEYS_DIR || join(dataDir, 'keys'),
    rateLimitPerMinute: nonNegativeInteger('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, DEFAULT_RATE_LIMIT_PER_MINUTE),
    rateLimitLoopback: env.RATE_LIMIT_LOOPBACK === '1',
    tokenTtlDays: positiveDays(env.TOKEN_TTL_DAYS),
    staleAfterMinutes: nonNegativeInteger('TERMINAL_STALE_MINUTES', env.TERMINAL_STALE_MINUTES, 30) || 30,
    version: packageVersion(),
  };
}
