-- Points are placed only on the connected walking network (the largest part and any part above the configured
-- size), within the snapping distance. What is not on it is reported as such, never as "beyond the cutoff".

-- A building not on the network: no walks at all; access_metres then holds its distance to the nearest street of
-- the network (NULL when none was found around it).
ALTER TABLE circle_building_result ADD COLUMN off_network BOOLEAN DEFAULT FALSE NOT NULL;

-- How many of the community's buildings are not on the network (its median walks are those of the others).
ALTER TABLE circle_community_result ADD COLUMN off_network_buildings INT DEFAULT 0 NOT NULL;

-- Operating facilities of the run that were not on the network (and so count for nothing).
ALTER TABLE circle_run ADD COLUMN facilities_off_network INT;
