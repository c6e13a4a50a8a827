-- Facilities from OpenStreetMap come from nodes, ways (shops and amenities mapped as areas) and multipolygon
-- relations; OSM ids are unique per element type only, so an imported facility is identified by both.
ALTER TABLE circle_facility ADD COLUMN osm_type VARCHAR(8);
UPDATE circle_facility SET osm_type = 'node' WHERE osm_id IS NOT NULL;
DROP INDEX circle_facility_osm_idx;
CREATE UNIQUE INDEX circle_facility_osm_idx ON circle_facility (osm_type, osm_id);
ALTER TABLE circle_facility ADD CONSTRAINT circle_facility_osm_type_ck CHECK (osm_type IN ('node','way','relation'));
