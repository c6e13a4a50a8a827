-- Open311 as GeoReport v2 reads: a request sent with a street's (or a wider) API key whose address_string matches
-- no place is kept at the street, routed to the street office and marked for a worker to locate; it has no
-- community until a worker places it.
ALTER TABLE demand ALTER COLUMN community_id DROP NOT NULL;
