-- Applications received from kiosks. The id is the application's UUID, made on the
-- kiosk when the citizen started it, so a retried delivery can never create a second row.
CREATE TABLE submissions (
  id uuid PRIMARY KEY,
  tracking_code text NOT NULL UNIQUE,
  service_id text NOT NULL,
  form_version integer NOT NULL,
  terminal_id text NOT NULL,
  language text NOT NULL,
  created_at timestamptz NOT NULL,
  submitted_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- Plaintext answers for now; sealed HPKE envelopes replace them in a later migration.
  answers jsonb NOT NULL,
  -- Hash of the request body, so a resend after its idempotency key was purged is still
  -- recognised as the same application (or refused as a different one).
  request_hash text NOT NULL,
  state text NOT NULL DEFAULT 'received'
    CHECK (state IN ('received', 'processing', 'needs-information', 'done')),
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (service_id, form_version) REFERENCES catalog_form_versions (service_id, form_version)
);
CREATE INDEX submissions_service_received ON submissions (service_id, received_at);
