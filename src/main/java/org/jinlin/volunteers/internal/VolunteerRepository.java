package org.jinlin.volunteers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.volunteers.ServiceIntention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The volunteer register's SQL: table {@code volunteer}. */
@Repository
@RequiredArgsConstructor
public class VolunteerRepository {

	/** A registration as stored: personal data already encrypted and masked. */
	record NewVolunteer(String username, String name, String gender, LocalDate birthDate, String idNumberCipher,
			String idNumberIndex, String idNumberMasked, String phoneCipher, String phoneMasked, String skills,
			String intentions, String availableTime, long communityId, String communityName, String territoryPath,
			Instant registeredAt, String registeredBy) {
	}

	/** A filter of the registry: jurisdiction (LIKE pattern), name part, intention. */
	record Filter(String prefix, String q, ServiceIntention intention) {
	}

	private final JdbcClient jdbc;

	boolean idNumberTaken(String index) {
		return jdbc.sql("SELECT id FROM volunteer WHERE id_number_index = ?").param(index).query(Long.class).optional()
			.isPresent();
	}

	/** Inserts the registration; its person key is the user name, or {@code volunteer:<id>} without an account. */
	long insert(NewVolunteer v) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer (person_key, username, name, gender, birth_date, id_number_cipher, id_number_index,
				  id_number_masked, phone_cipher, phone_masked, skills, intentions, available_time, community_id,
				  community_name, territory_path, registered_at, registered_by)
				VALUES (:key, :username, :name, :gender, :birth, :idc, :idx, :idm, :pc, :pm, :skills, :intentions, :available,
				  :community, :communityName, :path, :at, :by)""")
			.param("key", v.username())
			.param("username", v.username())
			.param("name", v.name())
			.param("gender", v.gender())
			.param("birth", v.birthDate())
			.param("idc", v.idNumberCipher())
			.param("idx", v.idNumberIndex())
			.param("idm", v.idNumberMasked())
			.param("pc", v.phoneCipher())
			.param("pm", v.phoneMasked())
			.param("skills", v.skills())
			.param("intentions", v.intentions())
			.param("available", v.availableTime())
			.param("community", v.communityId())
			.param("communityName", v.communityName())
			.param("path", v.territoryPath())
			.param("at", VolunteerTimes.ts(v.registeredAt()))
			.param("by", v.registeredBy())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		if (v.username() == null) {
			jdbc.sql("UPDATE volunteer SET person_key = ? WHERE id = ?").params("volunteer:" + id, id).update();
		}
		return id;
	}

	Optional<VolunteerView> byUsername(String username) {
		return jdbc.sql("SELECT * FROM volunteer WHERE username = ?").param(username).query(VolunteerRepository::map)
			.optional();
	}

	Optional<VolunteerView> byId(long id) {
		return jdbc.sql("SELECT * FROM volunteer WHERE id = ?").param(id).query(VolunteerRepository::map).optional();
	}

	/** Locks the volunteer's row, so one person's check-ins are serialised. */
	void lock(long id) {
		jdbc.sql("SELECT id FROM volunteer WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
	}

	long count(String prefix) {
		return jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE territory_path LIKE ?").param(prefix).query(Long.class)
			.single();
	}

	long count(Filter f) {
		return bind(jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE " + where(f)), f).query(Long.class).single();
	}

	/** A page of the registry, newest first. */
	List<VolunteerView> page(Filter f, int limit, int offset) {
		return bind(jdbc.sql("SELECT * FROM volunteer WHERE " + where(f)
				+ " ORDER BY registered_at DESC, id DESC LIMIT :limit OFFSET :offset"), f)
			.param("limit", limit)
			.param("offset", offset)
			.query(VolunteerRepository::map)
			.list();
	}

	/** Every volunteer matching the filter, by place, for the export. */
	void each(Filter f, Consumer<VolunteerView> sink) {
		// A query's stream holds its connection until closed.
		try (var rows = bind(jdbc.sql("SELECT * FROM volunteer WHERE " + where(f) + " ORDER BY territory_path, id"), f)
			.query(VolunteerRepository::map)
			.stream()) {
			rows.forEach(sink);
		}
	}

	private static String where(Filter f) {
		String where = "territory_path LIKE :prefix";
		if (f.q() != null && !f.q().isBlank()) {
			where += " AND name LIKE :q";
		}
		if (f.intention() != null) {
			where += " AND (',' || intentions || ',') LIKE :intention";
		}
		return where;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
		spec = spec.param("prefix", f.prefix());
		if (f.q() != null && !f.q().isBlank()) {
			spec = spec.param("q", "%" + f.q().trim().replace("%", "").replace("_", "") + "%");
		}
		if (f.intention() != null) {
			spec = spec.param("intention", "%," + f.intention().name() + ",%");
		}
		return spec;
	}

	static VolunteerView map(ResultSet rs, int row) throws SQLException {
		List<ServiceIntention> intentions = Arrays.stream(rs.getString("intentions").split(","))
			.map(ServiceIntention::parse).flatMap(Optional::stream).toList();
		return new VolunteerView(rs.getLong("id"), rs.getString("person_key"), rs.getString("username"), rs.getString("name"),
				rs.getString("gender"), rs.getObject("birth_date", LocalDate.class), rs.getString("id_number_masked"),
				rs.getString("phone_masked"), rs.getString("skills"), intentions, rs.getString("available_time"),
				rs.getLong("community_id"), rs.getString("community_name"), rs.getString("territory_path"),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("registered_by"));
	}
}
