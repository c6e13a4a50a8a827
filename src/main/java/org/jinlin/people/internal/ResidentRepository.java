package org.jinlin.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jinlin.people.Gender;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentRow;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC access to {@code resident}, {@code household} and {@code resident_change}.
 * No jurisdiction logic here: callers pass a {@link Scope} built by {@link ResidentAccess}.
 */
@Repository
public class ResidentRepository {

	static final int IN_CHUNK = 1000;

	private static final String COLUMNS = """
			r.id, r.name, r.gender, r.birth_date, r.id_number_cipher, r.id_number_index, r.id_number_masked,
			r.phone_cipher, r.phone_masked, r.building_id, r.unit, r.room, r.community_id, r.territory_path,
			r.household_id, h.address_label, r.tags, r.registration_channel, r.status, r.void_reason, r.voided_by,
			r.voided_at, r.created_at, r.created_by, r.updated_at, r.updated_by, r.version""";

	private static final String FROM = " FROM resident r JOIN household h ON h.id = r.household_id ";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final JdbcTemplate streaming;

	ResidentRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
	}

	/** A stored resident, personal values still encrypted. */
	public record Stored(long id, String name, Gender gender, LocalDate birthDate, String idNumberCipher, String idNumberIndex,
			String idNumberMasked, String phoneCipher, String phoneMasked, long buildingId, String unit, String room,
			long communityId, String territoryPath, long householdId, String addressLabel, String tags,
			RegistrationChannel channel, ResidentStatus status, String voidReason, String voidedBy, Instant voidedAt,
			Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, int version) {

		public ResidentView view() {
			return new ResidentView(id, name, gender, birthDate, idNumberMasked, phoneMasked, buildingId, unit, room,
					addressLabel, communityId, territoryPath, householdId, ResidentTag.parseStored(tags), channel, status,
					voidReason, voidedBy, voidedAt, createdAt, createdBy, updatedAt, updatedBy, version);
		}

		public ResidentRow row() {
			return new ResidentRow(id, name, gender, birthDate, idNumberMasked, phoneMasked, buildingId, addressLabel,
					communityId, householdId, ResidentTag.parseStored(tags), channel, status);
		}

		@Override
		public String toString() {
			return "Stored[id=" + id + "]";
		}
	}

	/** A new or changed resident ready to write (ciphers and indexes already computed). */
	public record Write(String name, Gender gender, LocalDate birthDate, String idNumberCipher, String idNumberIndex,
			String idNumberMasked, String phoneCipher, String phoneMasked, long buildingId, String unit, String room,
			long communityId, String territoryPath, long householdId, String tags, RegistrationChannel channel) {

		@Override
		public String toString() {
			return "Write[buildingId=" + buildingId + "]";
		}
	}

	/** The SQL condition limiting rows to what an actor may see. */
	public record Scope(String pathPrefix, Long ownResidentId) {

		public static Scope subtree(String likePattern) {
			return new Scope(likePattern, null);
		}

		public static Scope own(Long residentId) {
			return new Scope(null, residentId == null ? -1L : residentId);
		}

		void apply(StringBuilder where, MapSqlParameterSource params) {
			if (pathPrefix != null) {
				where.append(" AND r.territory_path LIKE :scopePath");
				params.addValue("scopePath", pathPrefix);
			}
			else {
				where.append(" AND r.id = :scopeOwn");
				params.addValue("scopeOwn", ownResidentId);
			}
		}
	}

	/** Search filters already resolved to SQL terms. */
	public record Filter(String namePrefix, ResidentTag tag, String subtreePattern, Long buildingId, ResidentStatus status) {
	}

	public Optional<Stored> find(long id, Scope scope) {
		MapSqlParameterSource p = new MapSqlParameterSource("id", id);
		StringBuilder where = new StringBuilder(" WHERE r.id = :id");
		scope.apply(where, p);
		return named.query("SELECT " + COLUMNS + FROM + where, p, ResidentRepository::map).stream().findFirst();
	}

	/** A record the scope admits, or 404. */
	public Stored load(long id, Scope scope) {
		return find(id, scope).orElseThrow(() -> new NotFoundException("No resident with id " + id));
	}

	/** Unscoped: several records by id (system look-ups by other modules), in chunks. */
	public List<Stored> findAll(Collection<Long> ids) {
		List<Stored> found = new ArrayList<>();
		for (List<Long> chunk : chunks(new ArrayList<>(ids))) {
			found.addAll(named.query("SELECT " + COLUMNS + FROM + " WHERE r.id IN (:ids)",
					new MapSqlParameterSource("ids", chunk), ResidentRepository::map));
		}
		return found;
	}

	/** Unscoped: ids of active records born on or before a date (e.g. everyone aged 60 and over). */
	/** Unscoped: ids of the active residents under the territory path. */
	public List<Long> activeUnder(String pathPrefix) {
		return jdbc.sql("SELECT id FROM resident WHERE status = 'ACTIVE' AND territory_path LIKE ? ORDER BY id")
			.param(pathPrefix + "%").query(Long.class).list();
	}

	public List<Long> activeBornOnOrBefore(java.time.LocalDate date) {
		return jdbc.sql("SELECT id FROM resident WHERE status = 'ACTIVE' AND birth_date <= ? ORDER BY id")
			.param(date).query(Long.class).list();
	}

	/** An active record's id with its ID number still encrypted, for matching without a blind index. */
	public record EncryptedIdNumber(long id, String idNumberCipher) {

		@Override
		public String toString() {
			return "EncryptedIdNumber[id=" + id + "]";
		}
	}

	/** Unscoped: active records with exactly this name (indexed), their ID numbers still encrypted. */
	public List<EncryptedIdNumber> activeWithName(String name) {
		return jdbc.sql("SELECT id, id_number_cipher FROM resident WHERE name = ? AND status = 'ACTIVE' ORDER BY id")
			.param(name).query((rs, n) -> new EncryptedIdNumber(rs.getLong(1), rs.getString(2))).list();
	}

	/** Records with this blind index in scope, active first, newest first. */
	public List<Stored> findByIndex(String index, Scope scope) {
		MapSqlParameterSource p = new MapSqlParameterSource("idx", index);
		StringBuilder where = new StringBuilder(" WHERE r.id_number_index = :idx");
		scope.apply(where, p);
		return named.query("SELECT " + COLUMNS + FROM + where + " ORDER BY r.status, r.id DESC", p, ResidentRepository::map);
	}

	/** Whether an active record other than {@code exceptId} has this blind index (unscoped: uniqueness is city-wide). */
	boolean activeIndexExists(String index, Long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM resident WHERE active_id_number_index = ? AND id <> ?")
			.params(index, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
	}

	/** Which of these blind indexes belong to active records (unscoped). */
	List<String> existingActiveIndexes(Collection<String> indexes) {
		List<String> found = new ArrayList<>();
		for (List<String> chunk : chunks(new ArrayList<>(indexes))) {
			found.addAll(named.queryForList("SELECT active_id_number_index FROM resident WHERE active_id_number_index IN (:ids)",
					new MapSqlParameterSource("ids", chunk), String.class));
		}
		return found;
	}

	private String where(Filter f, Scope scope, MapSqlParameterSource p) {
		StringBuilder where = new StringBuilder(" WHERE r.status = :status");
		p.addValue("status", f.status().name());
		scope.apply(where, p);
		if (f.namePrefix() != null) {
			where.append(" AND r.name LIKE :name ESCAPE '!'");
			p.addValue("name", f.namePrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		if (f.tag() != null) {
			where.append(" AND (',' || r.tags || ',') LIKE :tag");
			p.addValue("tag", "%," + f.tag().name() + ",%");
		}
		if (f.subtreePattern() != null) {
			where.append(" AND r.territory_path LIKE :subtree");
			p.addValue("subtree", f.subtreePattern());
		}
		if (f.buildingId() != null) {
			where.append(" AND r.building_id = :building");
			p.addValue("building", f.buildingId());
		}
		return where.toString();
	}

	public List<Stored> search(Filter f, Scope scope, long offset, int limit) {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String where = where(f, scope, p);
		p.addValue("limit", limit).addValue("offset", offset);
		return named.query("SELECT " + COLUMNS + FROM + where + " ORDER BY r.name, r.id LIMIT :limit OFFSET :offset", p,
				ResidentRepository::map);
	}

	public long count(Filter f, Scope scope) {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String where = where(f, scope, p);
		Long n = named.queryForObject("SELECT COUNT(*) FROM resident r" + where, p, Long.class);
		return n == null ? 0 : n;
	}

	/** Streams every matching row, in id order, without loading them all at once. */
	public void stream(Filter f, Scope scope, Consumer<Stored> sink) {
		MapSqlParameterSource p = new MapSqlParameterSource();
		String where = where(f, scope, p);
		new NamedParameterJdbcTemplate(streaming).query("SELECT " + COLUMNS + FROM + where + " ORDER BY r.id", p,
				rs -> {
					sink.accept(map(rs, 0));
				});
	}

	long insert(Write w, String by, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		named.update(INSERT, params(w, by, now), keys, new String[] { "id" });
		return keys.getKey().longValue();
	}

	private static final String INSERT = """
			INSERT INTO resident (name, gender, birth_date, id_number_cipher, id_number_index, active_id_number_index,
			  id_number_masked, phone_cipher, phone_masked, building_id, unit, room, community_id, territory_path,
			  household_id, tags, registration_channel, status, created_at, created_by, updated_at, updated_by, version)
			VALUES (:name, :gender, :birthDate, :idCipher, :idIndex, :idIndex, :idMasked, :phoneCipher, :phoneMasked,
			  :buildingId, :unit, :room, :communityId, :path, :householdId, :tags, :channel, 'ACTIVE', :now, :by, :now,
			  :by, 0)""";

	private static MapSqlParameterSource params(Write w, String by, OffsetDateTime now) {
		return new MapSqlParameterSource().addValue("name", w.name()).addValue("gender", w.gender().name())
			.addValue("birthDate", w.birthDate()).addValue("idCipher", w.idNumberCipher())
			.addValue("idIndex", w.idNumberIndex()).addValue("idMasked", w.idNumberMasked())
			.addValue("phoneCipher", w.phoneCipher(), Types.VARCHAR).addValue("phoneMasked", w.phoneMasked(), Types.VARCHAR)
			.addValue("buildingId", w.buildingId()).addValue("unit", w.unit(), Types.VARCHAR)
			.addValue("room", w.room(), Types.VARCHAR).addValue("communityId", w.communityId())
			.addValue("path", w.territoryPath()).addValue("householdId", w.householdId()).addValue("tags", w.tags())
			.addValue("channel", w.channel().name()).addValue("now", now).addValue("by", by);
	}

	/** Inserts many residents in one JDBC batch; returns their generated ids in order. */
	List<Long> insertBatch(List<Write> writes, String by, OffsetDateTime now) {
		MapSqlParameterSource[] batch = writes.stream().map(w -> params(w, by, now)).toArray(MapSqlParameterSource[]::new);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		named.batchUpdate(INSERT, batch, keys, new String[] { "id" });
		List<Long> ids = new ArrayList<>(writes.size());
		for (Map<String, Object> k : keys.getKeyList()) {
			ids.add(((Number) k.values().iterator().next()).longValue());
		}
		if (ids.size() != writes.size()) {
			throw new IllegalStateException("Expected " + writes.size() + " generated ids, got " + ids.size());
		}
		return ids;
	}

	/** REGISTERED history entries for residents inserted by {@link #insertBatch}. */
	void insertRegisteredChanges(List<Long> residentIds, List<RegistrationChannel> channels, OffsetDateTime at, String by,
			String reason) {
		MapSqlParameterSource[] batch = new MapSqlParameterSource[residentIds.size()];
		for (int i = 0; i < batch.length; i++) {
			batch[i] = new MapSqlParameterSource("id", residentIds.get(i)).addValue("at", at).addValue("by", by)
				.addValue("channel", channels.get(i).name()).addValue("reason", reason, Types.VARCHAR);
		}
		named.batchUpdate("""
				INSERT INTO resident_change (resident_id, changed_at, changed_by, change_type, channel, reason)
				VALUES (:id, :at, :by, 'REGISTERED', :channel, :reason)""", batch);
	}

	/** Updates the editable fields; false if the version did not match. */
	boolean update(long id, int expectedVersion, Write w, String by, OffsetDateTime now) {
		MapSqlParameterSource p = params(w, by, now).addValue("id", id).addValue("version", expectedVersion);
		return named.update("""
				UPDATE resident SET name = :name, gender = :gender, birth_date = :birthDate, id_number_cipher = :idCipher,
				  id_number_index = :idIndex, active_id_number_index = :idIndex, id_number_masked = :idMasked,
				  phone_cipher = :phoneCipher, phone_masked = :phoneMasked, building_id = :buildingId, unit = :unit,
				  room = :room, community_id = :communityId, territory_path = :path, household_id = :householdId,
				  tags = :tags, updated_at = :now, updated_by = :by, version = version + 1
				WHERE id = :id AND version = :version AND status = 'ACTIVE'""", p) == 1;
	}

	/** Voids an active record and frees its ID number for a new registration; false if the version did not match. */
	boolean markVoided(long id, int expectedVersion, String reason, String by, OffsetDateTime now) {
		return jdbc.sql("""
				UPDATE resident SET status = 'VOIDED', active_id_number_index = NULL, void_reason = ?, voided_by = ?,
				  voided_at = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = 'ACTIVE'""")
			.params(reason, by, now, now, by, id, expectedVersion).update() == 1;
	}

	void insertChange(long residentId, OffsetDateTime at, String by, ResidentChangeType type,
			RegistrationChannel channel, String reason, List<String> fields) {
		jdbc.sql("""
				INSERT INTO resident_change (resident_id, changed_at, changed_by, change_type, channel, reason, changed_fields)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(residentId, at, by, type.name(), channel == null ? null : channel.name(), reason,
					fields == null || fields.isEmpty() ? null : String.join(",", fields))
			.update();
	}

	List<ResidentChange> history(long residentId) {
		return jdbc.sql("""
				SELECT id, resident_id, changed_at, changed_by, change_type, channel, reason, changed_fields
				FROM resident_change WHERE resident_id = ? ORDER BY changed_at DESC, id DESC""")
			.param(residentId)
			.query((rs, i) -> new ResidentChange(rs.getLong("id"), rs.getLong("resident_id"),
					instant(rs, "changed_at"), rs.getString("changed_by"),
					ResidentChangeType.valueOf(rs.getString("change_type")),
					rs.getString("channel") == null ? null : RegistrationChannel.valueOf(rs.getString("channel")),
					rs.getString("reason"),
					rs.getString("changed_fields") == null ? List.of() : Arrays.asList(rs.getString("changed_fields").split(","))))
			.list();
	}

	// --- helpers

	static <T> List<List<T>> chunks(List<T> list) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < list.size(); i += IN_CHUNK) {
			chunks.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
		}
		return chunks;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
				rs.getObject("birth_date", LocalDate.class), rs.getString("id_number_cipher"),
				rs.getString("id_number_index"), rs.getString("id_number_masked"), rs.getString("phone_cipher"),
				rs.getString("phone_masked"), rs.getLong("building_id"), rs.getString("unit"), rs.getString("room"),
				rs.getLong("community_id"), rs.getString("territory_path"), rs.getLong("household_id"),
				rs.getString("address_label"), rs.getString("tags"),
				RegistrationChannel.valueOf(rs.getString("registration_channel")),
				ResidentStatus.valueOf(rs.getString("status")), rs.getString("void_reason"), rs.getString("voided_by"),
				instant(rs, "voided_at"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
				rs.getString("updated_by"), rs.getInt("version"));
	}
}
