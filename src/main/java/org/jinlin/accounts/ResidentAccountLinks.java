package org.jinlin.accounts;

import java.time.OffsetDateTime;

import org.jinlin.people.ResidentLinkedToAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records on the account which resident record it belongs to, when the people module says so. */
@Component
class ResidentAccountLinks {

	private final JdbcClient jdbc;

	ResidentAccountLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Links an account that has no resident yet; an account already linked keeps its link. */
	@ApplicationModuleListener
	void on(ResidentLinkedToAccount event) {
		jdbc.sql("""
				UPDATE account SET resident_id = ?, updated_at = ?, version = version + 1
				WHERE username = ? AND resident_id IS NULL""")
			.params(event.residentId(), OffsetDateTime.now(), event.username())
			.update();
	}
}
