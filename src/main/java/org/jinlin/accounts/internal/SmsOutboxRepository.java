package org.jinlin.accounts.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code sms_outbox}: messages kept instead of sent outside {@code prod}, phone and text encrypted. */
@Repository
@RequiredArgsConstructor
public class SmsOutboxRepository {

	private final JdbcClient jdbc;

	/** A kept message, still encrypted. */
	public record Stored(long id, String phoneMasked, String bodyCipher, Instant at) {
	}

	public void insert(String phoneIndex, String phoneMasked, String bodyCipher) {
		jdbc.sql("INSERT INTO sms_outbox (phone_index, phone_masked, body_cipher, created_at) VALUES (?, ?, ?, ?)")
			.params(phoneIndex, phoneMasked, bodyCipher, OffsetDateTime.now()).update();
	}

	public List<Stored> latest(int limit) {
		return jdbc.sql("SELECT id, phone_masked, body_cipher, created_at FROM sms_outbox ORDER BY id DESC LIMIT ?")
			.param(limit).query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	public List<String> bodiesTo(String phoneIndex) {
		return jdbc.sql("SELECT body_cipher FROM sms_outbox WHERE phone_index = ? ORDER BY id DESC").param(phoneIndex)
			.query(String.class).list();
	}
}
