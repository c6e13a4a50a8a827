-- Meal assistance, part 2: enrolment (pause and resume, the six-monthly eligibility re-check), weekly menus and orders.

-- Enrolment. category: the category the register gave at the last check (NULL until the first re-check: the list
-- reads the register); eligibility_checked_on: the day of that check (NULL: the enrolment day counts).
-- paused_from / resume_on: she eats (and is subsidised) again from resume_on; no resume_on: paused until further notice.
ALTER TABLE meal_diner ADD COLUMN category VARCHAR(20);
ALTER TABLE meal_diner ADD COLUMN eligibility_checked_on DATE;
ALTER TABLE meal_diner ADD COLUMN paused_from DATE;
ALTER TABLE meal_diner ADD COLUMN resume_on DATE;
ALTER TABLE meal_diner ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE meal_diner ADD COLUMN updated_by VARCHAR(100);
ALTER TABLE meal_diner ADD CONSTRAINT meal_diner_pause_ck CHECK (resume_on IS NULL OR (paused_from IS NOT NULL AND resume_on > paused_from));
ALTER TABLE meal_diner ADD CONSTRAINT meal_diner_category_ck CHECK (category IS NULL
	OR category IN ('SPECIAL_HARDSHIP', 'LOW_INCOME', 'DISABLED', 'LIVING_ALONE', 'ORDINARY'));
