-- The consultation room booked through the spaces module: the zone and time staff asked for, where the request
-- stands (REQUESTED until spaces answers; BOOKED with room_booking_id; REFUSED with the spaces message code;
-- CANCELLED when the booking was cancelled or released there), and the zone's name as it was asked for.
ALTER TABLE consultation_topic ADD COLUMN room_zone_id BIGINT;
ALTER TABLE consultation_topic ADD COLUMN room_name VARCHAR(200);
ALTER TABLE consultation_topic ADD COLUMN room_start TIMESTAMP WITH TIME ZONE;
ALTER TABLE consultation_topic ADD COLUMN room_end TIMESTAMP WITH TIME ZONE;
ALTER TABLE consultation_topic ADD COLUMN room_status VARCHAR(12);
ALTER TABLE consultation_topic ADD COLUMN room_refusal VARCHAR(100);
ALTER TABLE consultation_topic ADD CONSTRAINT consultation_topic_room_ck
	CHECK (room_status IS NULL OR room_status IN ('REQUESTED','BOOKED','REFUSED','CANCELLED'));

-- A participant may be an account of Jinlin (a resident, a worker, an expert with an account): she is invited in-app.
ALTER TABLE consultation_participant ADD COLUMN account VARCHAR(100);

-- The in-app invitations: one per topic and invited account, written when the materials are sent ahead.
CREATE TABLE consultation_invitation (
	topic_id BIGINT NOT NULL REFERENCES consultation_topic (id) ON DELETE CASCADE,
	account VARCHAR(100) NOT NULL,
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	read_at TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (topic_id, account)
);
CREATE INDEX consultation_invitation_account_idx ON consultation_invitation (account, read_at);
