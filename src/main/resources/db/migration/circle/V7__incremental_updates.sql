-- A finished run's figures are brought up to date after a change of one facility without a full run (the incremental
-- update, issue 20 item 4): its rows are rewritten in one transaction and its revision bumped, so pages show the new
-- figures and another instance knows its copy of the computation in memory is stale. When and after what it was
-- last updated is shown with the figures.
ALTER TABLE circle_run ADD COLUMN revision INT DEFAULT 0 NOT NULL;
ALTER TABLE circle_run ADD COLUMN revised_at TIMESTAMP WITH TIME ZONE;
-- ADDED (opened, reopened), MOVED or CLOSED (closed or deleted): the first facility change of the last update
ALTER TABLE circle_run ADD COLUMN revised_action VARCHAR(10);
ALTER TABLE circle_run ADD COLUMN revised_facility VARCHAR(200);
-- buildings whose walks the last update changed
ALTER TABLE circle_run ADD COLUMN revised_buildings INT;
