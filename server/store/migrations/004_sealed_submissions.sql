-- Applications now arrive sealed (HPKE); the server opens them to validate and keeps the
-- opened answers, with the facts that travel inside the envelope.
ALTER TABLE submissions
  ADD COLUMN assisted_by text, -- the agent who filled the form with the citizen, if any
  ADD COLUMN consent_version text, -- the consent notice version the citizen accepted
  ADD COLUMN sealed_key_id text; -- the key it was sealed to; null for clear JSON (tests, tools)
