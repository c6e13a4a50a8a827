-- The first characters of an API key, shown in lists so administrators can tell keys apart (the key itself is stored only hashed).
ALTER TABLE api_key ADD COLUMN key_prefix VARCHAR(16);
