-- Idempotency keys (the application's id): a claim while a request is processed, then
-- the response to replay for a repeated request. Purged after IDEMPOTENCY_KEY_TTL_DAYS.
CREATE TABLE idempotency_keys (
  key uuid PRIMARY KEY,
  request_hash text NOT NULL, -- SHA-256 of the canonical JSON of the request body
  state text NOT NULL CHECK (state IN ('processing', 'done')),
  response_status integer,
  -- text, not jsonb: jsonb reorders keys, and a replay must be byte-for-byte the same.
  response_body text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (state = 'processing' OR (response_status IS NOT NULL AND response_body IS NOT NULL))
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
