-- The account's own language and 长辈模式, applied when it signs in on any device; NULL: not chosen (the device's
-- cookie decides).
ALTER TABLE account ADD COLUMN preferred_language VARCHAR(16);
ALTER TABLE account ADD COLUMN age_friendly BOOLEAN;
