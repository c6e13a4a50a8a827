-- The facility registry of the 15-minute circle (circle module, registry): the city's category catalogue and
-- the daily-life facilities. Elderly-care facilities and elder canteens are NOT stored here: categories whose
-- source is CARE_FACILITIES read them from the care-facility network (carefacilities module) by kind.

-- The category catalogue (MOFCOM 2021 guide for 15-minute convenience circles), editable per city.
CREATE TABLE circle_category (
	code VARCHAR(40) PRIMARY KEY,
	name_zh VARCHAR(50) NOT NULL,
	name_en VARCHAR(80) NOT NULL,
	-- BASIC (基本保障类) or QUALITY (品质提升类)
	tier VARCHAR(8) NOT NULL,
	-- counts for a community's coverage
	required BOOLEAN NOT NULL,
	sort_order INT NOT NULL,
	-- OSM tags that make a POI of this category, 'key=value;key=value' (empty: none)
	osm_tags VARCHAR(1000) NOT NULL,
	-- REGISTRY (facilities entered here) or CARE_FACILITIES (read from the care-facility network)
	source VARCHAR(16) NOT NULL,
	-- for CARE_FACILITIES: the care facility kinds, comma-separated
	care_kinds VARCHAR(400) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(100) NOT NULL,
	version INT NOT NULL,
	CONSTRAINT circle_category_tier_ck CHECK (tier IN ('BASIC','QUALITY')),
	CONSTRAINT circle_category_source_ck CHECK (source IN ('REGISTRY','CARE_FACILITIES'))
);

-- Required by default: what residents need every day and the city's plan names (groceries, breakfast, a barber,
-- repairs, a pharmacy, an elder canteen). Supermarkets and fresh-food stores complement the convenience store and
-- the vegetable market; laundry, photo/print, housekeeping and parcels are needed weekly or less.
INSERT INTO circle_category (code, name_zh, name_en, tier, required, sort_order, osm_tags, source, care_kinds, updated_at, updated_by, version) VALUES
('CONVENIENCE_STORE', '便利店', 'Convenience store', 'BASIC', TRUE, 10, 'shop=convenience;shop=kiosk', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('SUPERMARKET', '超市', 'Supermarket', 'BASIC', FALSE, 20, 'shop=supermarket', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('VEGETABLE_MARKET', '菜市场', 'Vegetable market', 'BASIC', TRUE, 30, 'amenity=marketplace;shop=greengrocer', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('FRESH_FOOD', '生鲜店', 'Fresh-food store', 'BASIC', FALSE, 40, 'shop=butcher;shop=seafood;shop=dairy;shop=frozen_food', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('BREAKFAST', '早餐店', 'Breakfast shop', 'BASIC', TRUE, 50, 'shop=bakery;amenity=fast_food;cuisine=breakfast', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('LAUNDRY', '洗染店', 'Laundry and dry cleaning', 'BASIC', FALSE, 60, 'shop=laundry;shop=dry_cleaning', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('BARBER_BEAUTY', '美容美发', 'Barber and beauty', 'BASIC', TRUE, 70, 'shop=hairdresser;shop=beauty', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('PHOTO_PRINT', '照相文印', 'Photo and print', 'BASIC', FALSE, 80, 'shop=photo;shop=copyshop', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('HOUSEKEEPING', '家政服务', 'Housekeeping service', 'BASIC', FALSE, 90, 'shop=cleaning;craft=cleaning;office=housekeeping', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('REPAIR', '维修点', 'Repair point', 'BASIC', TRUE, 100, 'shop=repair;craft=shoemaker;craft=tailor;craft=key_cutter;shop=electronics_repair;shop=computer_repair', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('PHARMACY', '药店', 'Pharmacy', 'BASIC', TRUE, 110, 'amenity=pharmacy;healthcare=pharmacy', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('POSTAL_EXPRESS', '邮政快递', 'Postal and express', 'BASIC', FALSE, 120, 'amenity=post_office;amenity=parcel_locker', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('ELDERLY_CARE', '养老服务', 'Elderly care', 'QUALITY', FALSE, 200, '', 'CARE_FACILITIES', 'SERVICE_STATION,DAY_CARE_CENTRE,DEMONSTRATION_POINT,CARE_INSTITUTION', CURRENT_TIMESTAMP, 'system', 0),
('ELDER_CANTEEN', '长者食堂', 'Elder canteen', 'QUALITY', TRUE, 210, '', 'CARE_FACILITIES', 'ELDER_CANTEEN,DAY_CARE_CENTRE,DEMONSTRATION_POINT', CURRENT_TIMESTAMP, 'system', 0),
('CHILD_CARE', '托育', 'Child care', 'QUALITY', FALSE, 220, 'amenity=childcare;amenity=kindergarten', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('FITNESS', '健身', 'Fitness', 'QUALITY', FALSE, 230, 'leisure=fitness_centre;leisure=fitness_station;leisure=sports_centre', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('CLINIC', '社区诊所', 'Community clinic', 'QUALITY', FALSE, 240, 'amenity=clinic;amenity=doctors;healthcare=clinic', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('RESTAURANT', '特色餐饮', 'Restaurant', 'QUALITY', FALSE, 250, 'amenity=restaurant', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('BOOKSTORE', '书店', 'Bookstore', 'QUALITY', FALSE, 260, 'shop=books', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0),
('FLOWERS', '鲜花店', 'Florist', 'QUALITY', FALSE, 270, 'shop=florist', 'REGISTRY', '', CURRENT_TIMESTAMP, 'system', 0);

-- The registry's own facilities, located in WGS-84 (converted on entry from the coordinate system they were given
-- in, which is kept with the original values) and placed in a territory node for jurisdiction.
CREATE TABLE circle_facility (
	id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	category VARCHAR(40) NOT NULL REFERENCES circle_category (code),
	address VARCHAR(200),
	latitude DOUBLE PRECISION,
	longitude DOUBLE PRECISION,
	-- as entered: WGS84, GCJ02 or BD09, with the values before conversion
	coordinate_system VARCHAR(8),
	entered_latitude DOUBLE PRECISION,
	entered_longitude DOUBLE PRECISION,
	territory_id BIGINT NOT NULL,
	territory_path VARCHAR(400) NOT NULL,
	operator_name VARCHAR(100),
	phone VARCHAR(40),
	opening_hours VARCHAR(100),
	status VARCHAR(10) NOT NULL,
	source VARCHAR(8) NOT NULL,
	osm_id BIGINT,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_by VARCHAR(100) NOT NULL,
	version INT NOT NULL,
	CONSTRAINT circle_facility_status_ck CHECK (status IN ('OPERATING','CLOSED')),
	CONSTRAINT circle_facility_source_ck CHECK (source IN ('MANUAL','IMPORT','OSM')),
	CONSTRAINT circle_facility_crs_ck CHECK (coordinate_system IS NULL OR coordinate_system IN ('WGS84','GCJ02','BD09'))
);
-- An OSM node is imported once; re-importing updates it.
CREATE UNIQUE INDEX circle_facility_osm_idx ON circle_facility (osm_id);
CREATE INDEX circle_facility_path_idx ON circle_facility (territory_path);
CREATE INDEX circle_facility_category_idx ON circle_facility (category, status);
