-- Photos and signatures (DESIGN §5: sealed one by one). A kiosk uploads each sealed
-- attachment (`enc ‖ ciphertext`) in chunks before posting its application: the partial
-- upload lives in attachment_uploads, so a dropped link resumes where it stopped. When the
-- application is accepted the server opens each one, checks its SHA-256 and keeps the
-- opened image beside the application; the upload row goes in the same transaction.
CREATE TABLE attachment_uploads (
  application_id uuid NOT NULL,
  attachment_id uuid NOT NULL,
  terminal_id text NOT NULL, -- the terminal whose token started the upload; only it may add to it
  total integer NOT NULL CHECK (total > 0),
  received integer NOT NULL CHECK (received >= 0 AND received <= total),
  data bytea NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (application_id, attachment_id)
);
CREATE INDEX attachment_uploads_updated ON attachment_uploads (updated_at);

CREATE TABLE submission_attachments (
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  attachment_id uuid NOT NULL,
  field_id text NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/webp', 'image/png')),
  size integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (submission_id, attachment_id)
);
