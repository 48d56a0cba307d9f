-- The last heartbeat each terminal sent with its sync (issue 5): counts, storage and
-- versions only, shown on the supervisor's dashboard.
ALTER TABLE terminals ADD COLUMN heartbeat jsonb;
ALTER TABLE terminals ADD COLUMN heartbeat_at timestamptz;
