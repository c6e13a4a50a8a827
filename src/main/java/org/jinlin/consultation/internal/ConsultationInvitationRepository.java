package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.jinlin.consultation.internal.ConsultationRepository.instant;
import static org.jinlin.consultation.internal.ConsultationRepository.ts;

/** The in-app invitations of consultation participants ({@code consultation_invitation}). */
@Repository
@RequiredArgsConstructor
public class ConsultationInvitationRepository {

	private final JdbcClient jdbc;

	/** An invitation with what its account needs: the topic, the materials, where and when it sits. */
	public record Invitation(long topicId, String territoryPath, String title, String materials, Instant sentAt,
			String venue, String roomName, String roomStatus, Instant sittingStart, Instant sittingEnd, Instant readAt) {

		/** Where the sitting is: the booked room, else the venue given. */
		public String place() {
			return "BOOKED".equals(roomStatus) ? roomName : venue;
		}

		public boolean unread() {
			return readAt == null;
		}
	}

	/** Invites once (a redelivered event finds the invitation). */
	void invite(long topicId, String account, Instant at) {
		jdbc.sql("""
				INSERT INTO consultation_invitation (topic_id, account, sent_at)
				SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM consultation_invitation WHERE topic_id = ? AND account = ?)""")
			.params(topicId, account, ts(at), topicId, account).update();
	}

	List<Invitation> of(String account) {
		return jdbc.sql("""
				SELECT t.id, t.territory_path, t.title, t.materials, i.sent_at, t.venue, t.room_name, t.room_status,
				       t.room_start, t.room_end, i.read_at
				FROM consultation_invitation i JOIN consultation_topic t ON t.id = i.topic_id
				WHERE i.account = ? ORDER BY i.sent_at DESC, t.id DESC""")
			.param(account)
			.query((rs, n) -> new Invitation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10),
					instant(rs, 11)))
			.list();
	}

	/** All and unread invitations of an account. */
	public long[] counts(String account) {
		return jdbc.sql("SELECT COUNT(*), COUNT(*) - COUNT(read_at) FROM consultation_invitation WHERE account = ?")
			.param(account).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	int markRead(String account, Instant at) {
		return jdbc.sql("UPDATE consultation_invitation SET read_at = ? WHERE account = ? AND read_at IS NULL")
			.params(ts(at), account).update();
	}
}
