-- Recorded prompts published by agents (DESIGN §6.1): one clip per spoken language and
-- prompt key, replaced when re-recorded; kiosks fetch the manifest with the catalog and
-- download what they lack. The text travels with the clip so a kiosk can tell a stale one.
CREATE TABLE speech_clips (
  language text NOT NULL,
  prompt_key text NOT NULL,
  text text NOT NULL,
  text_hash text NOT NULL,
  mime text NOT NULL,
  audio bytea NOT NULL,
  bytes integer NOT NULL,
  audio_hash text NOT NULL,
  duration_ms integer,
  recorded_by text NOT NULL,
  terminal_id text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (language, prompt_key)
);
