package org.jinlin.volunteers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.volunteers.internal.Certificates.Certificate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.jinlin.volunteers.internal.VolunteerTimes.instant;
import static org.jinlin.volunteers.internal.VolunteerTimes.ts;

/** The service certificates' SQL: table {@code volunteer_certificate}. */
@Repository
@RequiredArgsConstructor
public class CertificateRepository {

	private final JdbcClient jdbc;

	/** Inserts the certificate; a taken number is a {@code DuplicateKeyException}. */
	void insert(Certificate c) {
		jdbc.sql("""
				INSERT INTO volunteer_certificate (certificate_number, volunteer_id, person_name, period_from, period_to, hours,
				  record_count, summary, issuer, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.number(), c.volunteerId(), c.personName(), c.periodFrom(), c.periodTo(), c.hours(), c.recordCount(),
					c.summary(), c.issuer(), ts(c.issuedAt()))
			.update();
	}

	/** A volunteer's certificates, newest first. */
	List<Certificate> ofVolunteer(long volunteerId) {
		return jdbc.sql("SELECT * FROM volunteer_certificate WHERE volunteer_id = ? ORDER BY issued_at DESC, id DESC")
			.param(volunteerId).query(CertificateRepository::map).list();
	}

	Optional<Certificate> byNumber(String number) {
		return jdbc.sql("SELECT * FROM volunteer_certificate WHERE certificate_number = ?").param(number)
			.query(CertificateRepository::map).optional();
	}

	static Certificate map(ResultSet rs, int n) throws SQLException {
		return new Certificate(rs.getString("certificate_number"), rs.getLong("volunteer_id"), rs.getString("person_name"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getBigDecimal("hours"), rs.getInt("record_count"), rs.getString("summary"), rs.getString("issuer"),
				instant(rs, "issued_at"));
	}
}
