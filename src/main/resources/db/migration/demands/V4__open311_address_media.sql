-- Open311 as GeoReport v2 reads: a media_url sent with a request is kept (a link only: the server never fetches
-- it), and a request located only by an address_string that matched no place of the territory is kept at the
-- community of the API key, marked for a worker to locate.
ALTER TABLE demand ADD COLUMN media_url VARCHAR(1000);
ALTER TABLE demand ADD COLUMN needs_locating BOOLEAN DEFAULT FALSE NOT NULL;
