-- The audit log (DESIGN §5, law 09-08): who did what to which application, when, on which
-- terminal. Ids, codes and times only, never the personal data itself. Kiosks deliver
-- their events (POST /api/audit, idempotent on id); the server writes its own ('delivered',
-- 'exported') with actor 'server' or the back-office operator.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL, -- when it happened, by the clock of whoever did it
  terminal_id text NOT NULL,
  actor text NOT NULL, -- 'citizen', 'terminal', 'server', or an agent / operator id
  action text NOT NULL CHECK (action IN
    ('created', 'edited', 'submitted', 'delivered', 'rejected', 'exported', 'discarded', 'wiped', 'consented')),
  application_id uuid,
  service_id text,
  received_at timestamptz NOT NULL -- when the server recorded it
);
CREATE INDEX audit_events_application ON audit_events (application_id, at);
CREATE INDEX audit_events_received ON audit_events (received_at);
