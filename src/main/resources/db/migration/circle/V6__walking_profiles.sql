-- Every coverage run also computes the elder walking profile (a slower pace; steps cost more): its figures sit next
-- to the standard ones. NULL for runs computed before profiles existed.
ALTER TABLE circle_run ADD COLUMN elder_speed_kmh DOUBLE PRECISION;
ALTER TABLE circle_run ADD COLUMN elder_steps_factor DOUBLE PRECISION;

ALTER TABLE circle_community_result ADD COLUMN elder_covered BOOLEAN;
-- required category codes over the threshold for the elder profile, comma-separated, '' when covered
ALTER TABLE circle_community_result ADD COLUMN elder_missing VARCHAR(1000);
ALTER TABLE circle_community_result ADD COLUMN elder_residents_covered_share DOUBLE PRECISION;

-- the elder profile's median walk in seconds (NULL = beyond the cutoff or unreachable)
ALTER TABLE circle_community_time ADD COLUMN elder_seconds INT;
