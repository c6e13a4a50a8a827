-- Spreadsheet import jobs of every module. A job runs on the instance that received the upload; its
-- progress is written in short transactions so any instance can show it. heartbeat_at is refreshed by
-- the running instance; a job whose heartbeat is stale (crashed instance) is marked FAILED.
CREATE TABLE import_job (
	id VARCHAR(36) PRIMARY KEY,
	kind VARCHAR(64) NOT NULL,
	file_name VARCHAR(255) NOT NULL,
	owner_username VARCHAR(64) NOT NULL,
	owner_territory_path VARCHAR(400) NOT NULL,
	locale VARCHAR(20) NOT NULL,
	status VARCHAR(16) NOT NULL,
	dry_run BOOLEAN NOT NULL DEFAULT FALSE,
	total_rows INT,
	processed_rows INT NOT NULL DEFAULT 0,
	error_count INT NOT NULL DEFAULT 0,
	imported_rows INT,
	error_report BYTEA,
	message VARCHAR(2000),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
	finished_at TIMESTAMP WITH TIME ZONE,
	CONSTRAINT import_job_status_ck CHECK (status IN ('QUEUED','VALIDATING','IMPORTING','SUCCEEDED','FAILED'))
);
CREATE INDEX import_job_owner_idx ON import_job (owner_username, created_at);
CREATE INDEX import_job_status_idx ON import_job (status, heartbeat_at);
