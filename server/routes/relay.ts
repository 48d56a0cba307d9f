/** GET /api/relay: the relay configuration terminals cache for offline sign-in. */
import type { Context } from 'hono';
import type { RelayConfig } from '../../src/core/auth/staff.ts';

export function relayRoute(config: () => RelayConfig) {
  return (c: Context) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(config());
  };
}
