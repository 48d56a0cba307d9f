-- Enrolled terminals and their device tokens (DESIGN §5). A supervisor enrolls a terminal;
-- the server keeps only a SHA-256 of each token, checks it on every API call, and a
-- revoked or expired token is refused. During a renewal the previous token stays valid
-- until the new one is first used, so a renewal whose answer was lost locks nobody out.
CREATE TABLE terminals (
  terminal_id text PRIMARY KEY,
  relay_id text NOT NULL,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  token_expires_at timestamptz NOT NULL,
  previous_token_hash text UNIQUE,
  previous_expires_at timestamptz,
  enrolled_by text NOT NULL,
  enrolled_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by text,
  last_seen_at timestamptz
);

-- A supervisor's session for server-side actions (list and revoke terminals), bound to
-- the terminal it was opened on.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor')),
  terminal_id text NOT NULL REFERENCES terminals (terminal_id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_terminal ON staff_sessions (terminal_id);

-- Wrong PINs typed against the server (enrollment, staff sessions), per member, so
-- guessing is slowed the same way it is on a terminal, across restarts.
CREATE TABLE staff_lockouts (
  staff_id text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until bigint NOT NULL -- epoch milliseconds, as core/auth/lockout.ts counts
);

-- Which terminal handed an application to the server (a bundle may travel through
-- another terminal than the one it was made on).
ALTER TABLE submissions ADD COLUMN received_from text;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN
  ('created', 'edited', 'submitted', 'delivered', 'rejected', 'exported', 'discarded', 'wiped', 'consented',
   'signed-in', 'signed-out', 'terminal-enrolled', 'terminal-revoked'));
