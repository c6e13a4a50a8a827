-- Urgent answers: a choice of a category's question that puts life or safety at risk (电梯故障 → 有人被困)
-- makes the demand an emergency with deadlines in calendar minutes, tells the resident which numbers to call
-- and the desk to confirm help is on the way. Administrators change them on /demands/categories.
CREATE TABLE demand_urgent_answer (
	category_id BIGINT NOT NULL REFERENCES demand_category (id) ON DELETE CASCADE,
	attribute_code VARCHAR(40) NOT NULL,
	choice_key VARCHAR(100) NOT NULL,
	sign_minutes INT NOT NULL,
	handle_minutes INT NOT NULL,
	-- Emergency numbers to call at once, comma-separated (e.g. '119,120').
	call_numbers VARCHAR(40) NOT NULL,
	CONSTRAINT demand_urgent_answer_pk PRIMARY KEY (category_id, attribute_code, choice_key),
	CONSTRAINT demand_urgent_answer_sign_ck CHECK (sign_minutes BETWEEN 1 AND 1440),
	CONSTRAINT demand_urgent_answer_handle_ck CHECK (handle_minutes BETWEEN 1 AND 10080)
);

-- The urgent answer a demand was raised with: its deadlines stay in minutes whoever it is sent to.
CREATE TABLE demand_urgent (
	demand_id BIGINT PRIMARY KEY REFERENCES demand (id) ON DELETE CASCADE,
	attribute_code VARCHAR(40) NOT NULL,
	choice_key VARCHAR(100) NOT NULL,
	sign_minutes INT NOT NULL,
	handle_minutes INT NOT NULL,
	call_numbers VARCHAR(40) NOT NULL
);

-- Someone trapped in a lift: sign for within 5 minutes, help there within an hour; call 119 (fire and rescue
-- free people from lifts) and 120 if anyone is hurt. The only life-safety answer of the default catalogue.
INSERT INTO demand_urgent_answer (category_id, attribute_code, choice_key, sign_minutes, handle_minutes, call_numbers)
SELECT id, 'trapped', 'yes', 5, 60, '119,120' FROM demand_category WHERE code = 'elevator';
