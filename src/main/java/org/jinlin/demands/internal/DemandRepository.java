package org.jinlin.demands.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.Rating;
import org.jinlin.demands.Urgency;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for demands and their timeline. Callers check jurisdiction; this class does not. */
@Repository
@RequiredArgsConstructor
public class DemandRepository {

	static final String COLUMNS = """
			d.id, d.token, c.code AS category_code, c.name AS category_name, d.description, d.status, d.urgency, d.channel,
			d.location_node_id, d.territory_path, d.grid_id, d.community_id, d.street_id, d.district_id, d.address_label,
			d.latitude, d.longitude, d.resident_id, d.raised_by, d.raiser_display, d.contact_phone_masked,
			d.show_name_publicly, d.handler_level, d.handler_node_id, d.handler_department_id, d.handler_name, d.assignee,
			d.escalation_count, d.escalated_node_id, d.sign_due_at, d.handle_due_at, d.evaluate_until, d.raised_at,
			d.signed_at, d.signed_on_time, d.resolved_at, d.resolved_on_time, d.outcome, d.closed_at, d.rating,
			d.rework_count, d.supervised, d.public_matter, d.merged_into_id, d.version""";

	static final String FROM = " FROM demand d JOIN demand_category c ON c.id = d.category_id ";

	private final JdbcClient jdbc;

	/** A new demand row: every column the insert sets. */
	record NewDemand(String token, long categoryId, String description, DemandStatus status, Urgency urgency,
			RaiseChannel channel, long locationNodeId, String territoryPath, Long gridId, Long communityId, long streetId,
			long districtId, String addressLabel, Double latitude, Double longitude, Long residentId, String raisedBy,
			String raiserDisplay, String contactPhoneMasked, String contactPhoneCipher, boolean showNamePublicly,
			Instant raisedAt) {
	}

	long insert(NewDemand d) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO demand (token, category_id, description, status, urgency, channel, location_node_id, territory_path,
				  grid_id, community_id, street_id, district_id, address_label, latitude, longitude, resident_id, raised_by,
				  raiser_display, contact_phone_masked, contact_phone_cipher, show_name_publicly, raised_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.token(), d.categoryId(), d.description(), d.status().name(), d.urgency().name(), d.channel().name(),
					d.locationNodeId(), d.territoryPath(), d.gridId(), d.communityId(), d.streetId(), d.districtId(),
					d.addressLabel(), d.latitude(), d.longitude(), d.residentId(), d.raisedBy(), d.raiserDisplay(),
					d.contactPhoneMasked(), d.contactPhoneCipher(), d.showNamePublicly(), ts(d.raisedAt()), ts(d.raisedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<DemandView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE d.id = ?").param(id).query(this::map).optional()
			.map(v -> withAttributes(v));
	}

	Optional<DemandView> findByToken(String token) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE d.token = ?").param(token).query(this::map).optional();
	}

	private List<DemandView> query(String where, Map<String, ?> params, String orderBy, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY " + orderBy + " OFFSET " + offset + " ROWS FETCH NEXT "
				+ limit + " ROWS ONLY").params(params).query(this::map).list();
	}

	private long count(String where, Map<String, ?> params) {
		return jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
	}

	private DemandView withAttributes(DemandView v) {
		Map<String, String> attributes = new LinkedHashMap<>();
		jdbc.sql("SELECT code, answer FROM demand_attribute_value WHERE demand_id = ? ORDER BY code").param(v.id())
			.query(rs -> {
				attributes.put(rs.getString(1), rs.getString(2));
			});
		return new DemandView(v.id(), v.token(), v.categoryCode(), v.categoryName(), v.description(), v.status(),
				v.urgency(), v.channel(), v.locationNodeId(), v.territoryPath(), v.gridId(), v.communityId(), v.streetId(),
				v.districtId(), v.addressLabel(), v.latitude(), v.longitude(), v.residentId(), v.raisedBy(),
				v.raiserDisplay(), v.contactPhoneMasked(), v.showNamePublicly(), v.handlerLevel(), v.handlerNodeId(),
				v.handlerDepartmentId(), v.handlerName(), v.assignee(), v.escalationCount(), v.escalatedNodeId(),
				v.signDueAt(), v.handleDueAt(), v.evaluateUntil(), v.raisedAt(), v.signedAt(), v.signedOnTime(),
				v.resolvedAt(), v.resolvedOnTime(), v.outcome(), v.closedAt(), v.rating(), v.reworkCount(), v.supervised(),
				v.publicMatter(), v.mergedIntoId(), v.version(), attributes);
	}

	void insertAttributes(long demandId, Map<String, String> values) {
		values.forEach((code, value) -> jdbc.sql("INSERT INTO demand_attribute_value (demand_id, code, answer) VALUES (?, ?, ?)")
			.params(demandId, code, value).update());
	}

	/** Records the urgent answer a demand was raised with. */
	void insertUrgent(long demandId, UrgentAnswer u) {
		jdbc.sql("""
				INSERT INTO demand_urgent (demand_id, attribute_code, choice_key, sign_minutes, handle_minutes, call_numbers)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(demandId, u.attributeCode(), u.choiceKey(), u.signMinutes(), u.handleMinutes(),
					String.join(",", u.callNumbers()))
			.update();
	}

	/** The urgent answer a demand was raised with, if any. */
	Optional<UrgentAnswer> urgent(long demandId) {
		return jdbc.sql("""
				SELECT attribute_code, choice_key, sign_minutes, handle_minutes, call_numbers FROM demand_urgent
				WHERE demand_id = ?""")
			.param(demandId)
			.query((rs, n) -> new UrgentAnswer(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
					List.of(rs.getString(5).split(","))))
			.optional();
	}

	String contactPhoneCipher(long id) {
		return jdbc.sql("SELECT contact_phone_cipher FROM demand WHERE id = ?").param(id).query(String.class).optional()
			.orElse(null);
	}

	String handlerPath(long id) {
		return jdbc.sql("SELECT handler_path FROM demand WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}

	String escalatedPath(long id) {
		return jdbc.sql("SELECT escalated_path FROM demand WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}

	int deadlineSeq(long id) {
		return jdbc.sql("SELECT deadline_seq FROM demand WHERE id = ?").param(id).query(Integer.class).single();
	}

	/**
	 * Changes a demand only if it is still in one of the expected statuses (and, if given, at the expected
	 * deadline sequence): the single place where concurrent commands are decided. Returns whether it changed.
	 * Column names come from code, never from input.
	 */
	boolean update(long id, Collection<DemandStatus> expected, Integer expectedSeq, Map<String, Object> set) {
		StringJoiner sets = new StringJoiner(", ");
		List<Object> params = new ArrayList<>();
		set.forEach((column, value) -> {
			if (!column.matches("[a-z_]+")) {
				throw new IllegalArgumentException(column);
			}
			sets.add(column + " = ?");
			params.add(value instanceof Instant i ? ts(i) : value instanceof Enum<?> e ? e.name() : value);
		});
		sets.add("version = version + 1");
		sets.add("updated_at = ?");
		params.add(ts(Instant.now()));
		StringBuilder sql = new StringBuilder("UPDATE demand SET ").append(sets).append(" WHERE id = ?");
		params.add(id);
		if (expected != null && !expected.isEmpty()) {
			StringJoiner in = new StringJoiner(", ", " AND status IN (", ")");
			expected.forEach(s -> {
				in.add("?");
				params.add(s.name());
			});
			sql.append(in);
		}
		if (expectedSeq != null) {
			sql.append(" AND deadline_seq = ?");
			params.add(expectedSeq);
		}
		return jdbc.sql(sql.toString()).params(params).update() == 1;
	}

	void addStep(long demandId, StepKind kind, String actor, DemandStatus from, DemandStatus to, String publicNote,
			String note, String unitName) {
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, public_note, note, unit_name)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(demandId, ts(Instant.now()), kind.name(), actor, from == null ? null : from.name(),
					to == null ? null : to.name(), publicNote, note, unitName)
			.update();
	}

	/** Records a step only if the demand has none of its kind yet; false when one was already there. */
	boolean addStepOnce(long demandId, StepKind kind, String actor, String unitName) {
		return jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, unit_name)
				SELECT ?, ?, ?, ?, ? FROM demand d WHERE d.id = ?
				AND NOT EXISTS (SELECT 1 FROM demand_step s WHERE s.demand_id = d.id AND s.kind = ?)""")
			.params(demandId, ts(Instant.now()), kind.name(), actor, unitName, demandId, kind.name())
			.update() == 1;
	}

	/** The first step of a kind on a demand's timeline, if any. */
	Optional<DemandStep> firstStep(long demandId, StepKind kind) {
		return steps(demandId).stream().filter(s -> s.kind() == kind).findFirst();
	}

	List<DemandStep> steps(long demandId) {
		return jdbc.sql("""
				SELECT id, at, kind, actor, from_status, to_status, public_note, note, unit_name
				FROM demand_step WHERE demand_id = ? ORDER BY at, id""")
			.param(demandId)
			.query((rs, n) -> new DemandStep(rs.getLong(1), instant(rs, 2), StepKind.valueOf(rs.getString(3)),
					rs.getString(4), status(rs.getString(5)), status(rs.getString(6)), rs.getString(7), rs.getString(8),
					rs.getString(9)))
			.list();
	}

	long addPhoto(long demandId, String stage, String contentType, byte[] bytes, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO demand_photo (demand_id, stage, content_type, bytes, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(demandId, stage, contentType, bytes, by, ts(Instant.now()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Photo ids and stages of a demand, in upload order. */
	List<PhotoRef> photos(long demandId) {
		return jdbc.sql("SELECT id, stage FROM demand_photo WHERE demand_id = ? ORDER BY id").param(demandId)
			.query((rs, n) -> new PhotoRef(rs.getLong(1), rs.getString(2))).list();
	}

	Optional<Photo> photo(long photoId) {
		return jdbc.sql("SELECT demand_id, content_type, bytes FROM demand_photo WHERE id = ?").param(photoId)
			.query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	record Photo(long demandId, String contentType, byte[] bytes) {
	}

	// ------------------------------------------------------------------ filters

	/** Most urgent and earliest due first: the work queue's order. */
	static final String QUEUE_ORDER = "CASE d.urgency WHEN 'EMERGENCY' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, "
			+ "COALESCE(d.sign_due_at, d.handle_due_at), d.id";

	/** The demand column holding the ancestor of a level, or null below the grid and above the district. */
	static String levelColumn(TerritoryLevel level) {
		return switch (level) {
			case DISTRICT -> "district_id";
			case STREET -> "street_id";
			case COMMUNITY -> "community_id";
			case GRID -> "grid_id";
			default -> null;
		};
	}

	List<DemandView> query(DemandFilter where, String orderBy, int offset, int limit) {
		return query(where.sql(), where.params(), orderBy, offset, limit);
	}

	long count(DemandFilter where) {
		return count(where.sql(), where.params());
	}

	/** Open demands of a category raised since then, within about a kilometre of the point. */
	List<DemandView> openNear(long categoryId, Instant since, double lat, double lon) {
		return query("""
				WHERE d.category_id = :category AND d.raised_at >= :since
				  AND d.status IN ('DELIBERATING','DISPATCHED','RETURNED','IN_PROGRESS')
				  AND d.latitude BETWEEN :latMin AND :latMax AND d.longitude BETWEEN :lonMin AND :lonMax""",
				Map.of("category", categoryId, "since", ts(since), "latMin", lat - 0.01, "latMax", lat + 0.01, "lonMin",
						lon - 0.01, "lonMax", lon + 0.01),
				"d.raised_at DESC", 0, 50);
	}

	// ------------------------------------------------------------------ public place and replies

	/** A worker placed the demand: its location columns, public place and the "to locate" mark. */
	void relocate(long id, DemandLocator.Location at) {
		jdbc.sql("""
				UPDATE demand SET location_node_id = :node, territory_path = :path, grid_id = :grid, community_id = :community,
				  street_id = :street, district_id = :district, address_label = :label, public_place = :place,
				  latitude = :lat, longitude = :lon, needs_locating = FALSE, updated_at = :now, version = version + 1
				WHERE id = :id""")
			.param("node", at.nodeId()).param("path", at.path()).param("grid", at.gridId())
			.param("community", at.communityId()).param("street", at.streetId()).param("district", at.districtId())
			.param("label", at.label()).param("place", at.publicPlace()).param("lat", at.latitude())
			.param("lon", at.longitude()).param("now", ts(Instant.now())).param("id", id)
			.update();
	}

	void setPublicPlace(long id, String place) {
		jdbc.sql("UPDATE demand SET public_place = ? WHERE id = ?").params(place, id).update();
	}

	String publicPlace(long id) {
		return jdbc.sql("SELECT public_place FROM demand WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}

	/** What an Open311 client sent besides the demand itself: a media link, and whether the place is still to be found. */
	public record Open311Extras(String mediaUrl, boolean needsLocating) {

		static final Open311Extras NONE = new Open311Extras(null, false);
	}

	void setOpen311Extras(long id, Open311Extras extras) {
		jdbc.sql("UPDATE demand SET media_url = ?, needs_locating = ? WHERE id = ?")
			.params(extras.mediaUrl(), extras.needsLocating(), id).update();
	}

	Open311Extras open311Extras(long id) {
		return jdbc.sql("SELECT media_url, needs_locating FROM demand WHERE id = ?").param(id)
			.query((rs, n) -> new Open311Extras(rs.getString(1), rs.getBoolean(2))).optional().orElse(Open311Extras.NONE);
	}

	/** The resident who raised each of the demands raised by a registered resident, by demand id. */
	Map<Long, Long> residentIds(Collection<Long> ids) {
		Map<Long, Long> residents = new HashMap<>();
		if (ids.isEmpty()) {
			return residents; // "IN ()" is not SQL
		}
		jdbc.sql("SELECT id, resident_id FROM demand WHERE id IN (:ids) AND resident_id IS NOT NULL")
			.param("ids", List.copyOf(ids))
			.query(rs -> {
				residents.put(rs.getLong(1), rs.getLong(2));
			});
		return residents;
	}

	/** The latest public note of a RESOLVED step of each of the demands that has one. */
	Map<Long, String> publicReplies(Collection<Long> ids) {
		Map<Long, String> replies = new HashMap<>();
		jdbc.sql("""
				SELECT demand_id, public_note FROM demand_step
				WHERE demand_id IN (:ids) AND kind = 'RESOLVED' AND public_note IS NOT NULL ORDER BY at, id""")
			.param("ids", List.copyOf(ids))
			.query(rs -> {
				replies.put(rs.getLong(1), rs.getString(2));
			});
		return replies;
	}

	// ------------------------------------------------------------------ extensions and ratings

	long pendingExtensions(long demandId) {
		return jdbc.sql("SELECT COUNT(*) FROM demand_extension WHERE demand_id = ? AND status = 'PENDING'").param(demandId)
			.query(Long.class).single();
	}

	void insertExtension(long demandId, String by, Instant at, int workingDays, String reason) {
		jdbc.sql("""
				INSERT INTO demand_extension (demand_id, requested_by, requested_at, working_days, reason, status)
				VALUES (?, ?, ?, ?, ?, 'PENDING')""")
			.params(demandId, by, ts(at), workingDays, reason).update();
	}

	List<Extension> extensions(long demandId) {
		return jdbc.sql("""
				SELECT id, requested_by, requested_at, working_days, reason, status, decided_by, decided_at
				FROM demand_extension WHERE demand_id = ? ORDER BY id""")
			.param(demandId)
			.query((rs, n) -> new Extension(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getInt(4), rs.getString(5),
					rs.getString(6), rs.getString(7), instant(rs, 8)))
			.list();
	}

	/** Decides a pending request; false if it was decided meanwhile. */
	boolean decideExtension(long extensionId, boolean approve, String by, Instant at) {
		return jdbc.sql("""
				UPDATE demand_extension SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'""")
			.params(approve ? "APPROVED" : "REJECTED", by, ts(at), extensionId).update() == 1;
	}

	void insertRating(long demandId, Rating rating, String comment, String channel, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO demand_rating (demand_id, rating, comment, channel, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(demandId, rating.name(), comment, channel, by, ts(at)).update();
	}

	DemandView map(ResultSet rs, int n) throws SQLException {
		return new DemandView(rs.getLong("id"), rs.getString("token"), rs.getString("category_code"),
				rs.getString("category_name"), rs.getString("description"), DemandStatus.valueOf(rs.getString("status")),
				Urgency.valueOf(rs.getString("urgency")), RaiseChannel.valueOf(rs.getString("channel")),
				rs.getLong("location_node_id"), rs.getString("territory_path"), rs.getObject("grid_id", Long.class),
				rs.getObject("community_id", Long.class), rs.getLong("street_id"), rs.getLong("district_id"), rs.getString("address_label"),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
				rs.getObject("resident_id", Long.class), rs.getString("raised_by"), rs.getString("raiser_display"),
				rs.getString("contact_phone_masked"), rs.getBoolean("show_name_publicly"),
				rs.getString("handler_level") == null ? null : HandlingLevel.valueOf(rs.getString("handler_level")),
				rs.getObject("handler_node_id", Long.class), rs.getObject("handler_department_id", Long.class),
				rs.getString("handler_name"), rs.getString("assignee"), rs.getInt("escalation_count"),
				rs.getObject("escalated_node_id", Long.class), instant(rs, "sign_due_at"), instant(rs, "handle_due_at"),
				instant(rs, "evaluate_until"), instant(rs, "raised_at"), instant(rs, "signed_at"),
				rs.getObject("signed_on_time", Boolean.class), instant(rs, "resolved_at"),
				rs.getObject("resolved_on_time", Boolean.class),
				rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")), instant(rs, "closed_at"),
				rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")), rs.getInt("rework_count"),
				rs.getBoolean("supervised"), rs.getBoolean("public_matter"), rs.getObject("merged_into_id", Long.class),
				rs.getInt("version"), Map.of());
	}

	static DemandStatus status(String s) {
		return s == null ? null : DemandStatus.valueOf(s);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}

}
