-- The plan keeps the same correction record the outline parser applies: a replacement can apply everywhere.
ALTER TABLE text_correction ADD COLUMN replace_all BOOLEAN DEFAULT FALSE NOT NULL;
