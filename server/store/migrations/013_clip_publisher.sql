-- Publishing a recorded prompt needs a staff session opened on the terminal (agent or
-- supervisor): the member whose session sent the clip is kept with it. Clips published
-- before this migration have none, hence nullable.
ALTER TABLE speech_clips ADD COLUMN published_by text;
