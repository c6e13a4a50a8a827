-- Spring Modulith's persistent event publication registry (schema v2): every cross-module
-- event is stored here until each listener has completed, and republished after a crash.
CREATE TABLE event_publication (
	id UUID NOT NULL,
	listener_id VARCHAR(512) NOT NULL,
	event_type VARCHAR(512) NOT NULL,
	serialized_event TEXT NOT NULL,
	publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
	completion_date TIMESTAMP WITH TIME ZONE,
	status VARCHAR(20),
	completion_attempts INT,
	last_resubmission_date TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Marks which module has loaded its demo data; the primary key makes concurrent instances load it once.
CREATE TABLE demo_seed (
	module VARCHAR(64) PRIMARY KEY,
	seeded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
