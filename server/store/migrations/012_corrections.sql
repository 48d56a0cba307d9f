-- Refused applications a supervisor acts on (issue 5, "needs attention"). An agent enters a
-- refused application again with the citizen: the new one names the refused one's id
-- (`corrects`; the refused one was never stored here, so this is a link, not a key).
ALTER TABLE submissions ADD COLUMN corrects uuid;
CREATE INDEX submissions_corrects ON submissions (corrects) WHERE corrects IS NOT NULL;

-- A discard carries its reason (a code from the kiosk's short list) and the supervisor's
-- optional words; a hand-back and the replacement by a correction are audited too.
ALTER TABLE audit_events ADD COLUMN reason text, ADD COLUMN note text;
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN
  ('created', 'edited', 'submitted', 'delivered', 'rejected', 'exported', 'discarded', 'wiped', 'consented',
   'signed-in', 'signed-out', 'terminal-enrolled', 'terminal-revoked', 'imported', 'handed-back', 'replaced'));
