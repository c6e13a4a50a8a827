-- db-scheduler's table: persistent timers (deadlines, escalations, reminders, recurring jobs).
-- A due execution is picked by exactly one instance (optimistic locking on version), survives
-- restarts, and is re-run if the instance that picked it dies (missed heartbeats).
CREATE TABLE scheduled_tasks (
	task_name VARCHAR(100) NOT NULL,
	task_instance VARCHAR(200) NOT NULL,
	task_data BYTEA,
	execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
	picked BOOLEAN NOT NULL,
	picked_by VARCHAR(100),
	last_success TIMESTAMP WITH TIME ZONE,
	last_failure TIMESTAMP WITH TIME ZONE,
	consecutive_failures INT,
	last_heartbeat TIMESTAMP WITH TIME ZONE,
	version BIGINT NOT NULL,
	priority SMALLINT,
	PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority, execution_time);
