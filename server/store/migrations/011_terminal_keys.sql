-- Store-and-forward bundles (issue 5): each terminal signs the bundles it exports with its
-- own ECDSA P-256 key. The server keeps the public half (a JWK, and its key id) and lists
-- the relay's keys to its terminals, which check a bundle against them offline.
ALTER TABLE terminals ADD COLUMN signing_key jsonb;
ALTER TABLE terminals ADD COLUMN signing_key_id text;
ALTER TABLE terminals ADD COLUMN signing_key_at timestamptz;

-- A terminal that took applications in from a bundle audits it ('imported').
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN
  ('created', 'edited', 'submitted', 'delivered', 'rejected', 'exported', 'discarded', 'wiped', 'consented',
   'signed-in', 'signed-out', 'terminal-enrolled', 'terminal-revoked', 'imported'));
