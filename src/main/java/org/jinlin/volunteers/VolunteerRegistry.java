package org.jinlin.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jinlin.servicehours.ParticipantKind;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteer register: self-registration by any signed-in account, registration by staff of someone without an
 * account (in their jurisdiction), the staff registry of the jurisdiction (masked) and its export.
 */
@Service
class VolunteerRegistry {

	static final int PAGE_SIZE = 50;

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern PHONE = Pattern.compile("1\\d{10}");

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = "10X98765432".toCharArray();

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final VolunteerMessages messages;

	VolunteerRegistry(JdbcClient jdbc, PersonalDataCipher cipher, Territories territories, ApplicationEventPublisher events,
			VolunteerMessages messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.territories = territories;
		this.events = events;
		this.messages = messages;
	}

	// ------------------------------------------------------------------ registration

	/**
	 * Registers a volunteer: the signed-in account itself, or (staff, {@code onBehalf}) someone without an account in
	 * the staff member's jurisdiction. Publishes {@link ParticipantRegistered}.
	 */
	@Transactional
	VolunteerView register(RegisterVolunteer cmd) {
		Actor actor = CurrentActor.require();
		if (actor.isApiKey()) {
			throw new ForbiddenException("API keys cannot register volunteers");
		}
		boolean onBehalf = Boolean.TRUE.equals(cmd.onBehalf());
		if (onBehalf && !actor.isStaff()) {
			throw new ForbiddenException("Only staff register someone else");
		}
		Valid v = validate(cmd, actor, onBehalf);
		String username = onBehalf ? null : actor.name();
		if (username != null && findByUsername(username).isPresent()) {
			throw new ConflictException(messages.get("volunteers.error.alreadyRegistered"));
		}
		return insert(v, username, actor.name(), Instant.now());
	}

	/** Validated, normalised registration data. */
	record Valid(String name, String idNumber, String gender, LocalDate birthDate, String phone, String skills,
			List<ServiceIntention> intentions, String availableTime, TerritoryNode community) {
	}

	Valid validate(RegisterVolunteer cmd, Actor actor, boolean onBehalf) {
		VolunteerMessages.Errors errors = messages.errors();
		String name = trim(cmd.name());
		if (name == null || name.length() < 2 || name.length() > 50) {
			errors.add("name", "volunteers.error.name");
		}
		String id = trim(cmd.idNumber());
		id = id == null ? null : id.toUpperCase(java.util.Locale.ROOT);
		if (id == null || !validIdNumber(id)) {
			errors.add("idNumber", "volunteers.error.idNumber");
		}
		String gender = trim(cmd.gender());
		if (!"MALE".equals(gender) && !"FEMALE".equals(gender)) {
			errors.add("gender", "volunteers.error.gender");
		}
		LocalDate birth = null;
		try {
			birth = cmd.birthDate() == null || cmd.birthDate().isBlank() ? null : LocalDate.parse(cmd.birthDate().trim());
		}
		catch (DateTimeParseException e) {
			birth = null;
		}
		if (birth == null || birth.isAfter(LocalDate.now()) || birth.isBefore(LocalDate.now().minusYears(110))) {
			errors.add("birthDate", "volunteers.error.birthDate");
		}
		else if (id != null && !errors.has("idNumber")
				&& !id.substring(6, 14).equals(birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE))) {
			errors.add("birthDate", "volunteers.error.birthDateMismatch");
		}
		String phone = trim(cmd.phone());
		if (phone == null || !PHONE.matcher(phone).matches()) {
			errors.add("phone", "volunteers.error.phone");
		}
		String skills = trim(cmd.skills());
		if (skills != null && skills.length() > 500) {
			errors.add("skills", "volunteers.error.tooLong", 500);
		}
		List<ServiceIntention> intentions = cmd.intentions() == null ? List.of()
				: cmd.intentions().stream().map(ServiceIntention::parse).flatMap(Optional::stream).distinct().toList();
		if (intentions.isEmpty() || cmd.intentions().size() != intentions.size()) {
			errors.add("intentions", "volunteers.error.intentions");
		}
		String available = trim(cmd.availableTime());
		if (available != null && available.length() > 200) {
			errors.add("availableTime", "volunteers.error.tooLong", 200);
		}
		TerritoryNode community = trim(cmd.communityCode()) == null ? null
				: territories.lookupByCode(cmd.communityCode().trim()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
					.orElse(null);
		if (community == null || (onBehalf && !actor.covers(community.path()))) {
			errors.add("communityCode", "volunteers.error.community");
		}
		errors.throwIfAny();
		return new Valid(name, id, gender, birth, phone, skills == null ? "" : skills, intentions,
				available == null ? "" : available, community);
	}

	VolunteerView insert(Valid v, String username, String by, Instant at) {
		String index = cipher.blindIndex(v.idNumber());
		Long existing = jdbc.sql("SELECT id FROM volunteer WHERE id_number_index = ?").param(index).query(Long.class)
			.optional().orElse(null);
		if (existing != null) {
			throw new ConflictException(messages.get("volunteers.error.idNumberRegistered"));
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO volunteer (person_key, username, name, gender, birth_date, id_number_cipher, id_number_index,
					  id_number_masked, phone_cipher, phone_masked, skills, intentions, available_time, community_id,
					  community_name, territory_path, registered_at, registered_by)
					VALUES (:key, :username, :name, :gender, :birth, :idc, :idx, :idm, :pc, :pm, :skills, :intentions, :available,
					  :community, :communityName, :path, :at, :by)""")
				.param("key", username)
				.param("username", username)
				.param("name", v.name())
				.param("gender", v.gender())
				.param("birth", v.birthDate())
				.param("idc", cipher.encrypt(v.idNumber()))
				.param("idx", index)
				.param("idm", Masking.idNumber(v.idNumber()))
				.param("pc", cipher.encrypt(v.phone()))
				.param("pm", Masking.phone(v.phone()))
				.param("skills", v.skills())
				.param("intentions", String.join(",", v.intentions().stream().map(Enum::name).toList()))
				.param("available", v.availableTime())
				.param("community", v.community().id())
				.param("communityName", v.community().name())
				.param("path", v.community().path())
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.param("by", by)
				.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(messages.get("volunteers.error.idNumberRegistered"));
		}
		long id = keys.getKeyAs(Number.class).longValue();
		if (username == null) {
			jdbc.sql("UPDATE volunteer SET person_key = ? WHERE id = ?").params("volunteer:" + id, id).update();
		}
		VolunteerView view = get(id);
		events.publishEvent(new ParticipantRegistered(view.personKey(), ParticipantKind.VOLUNTEER, view.communityId(),
				view.territoryPath(), at));
		return view;
	}

	// ------------------------------------------------------------------ queries

	/** The signed-in account's own registration, if any. */
	Optional<VolunteerView> mine() {
		return findByUsername(CurrentActor.require().name());
	}

	/** The signed-in account's registration; 409 with a message telling to register first. */
	VolunteerView requireMine() {
		return mine().orElseThrow(() -> new ConflictException(messages.get("volunteers.error.notRegistered")));
	}

	Optional<VolunteerView> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM volunteer WHERE username = ?").param(username).query(VolunteerRegistry::map).optional();
	}

	VolunteerView get(long id) {
		return jdbc.sql("SELECT * FROM volunteer WHERE id = ?").param(id).query(VolunteerRegistry::map).optional()
			.orElseThrow(() -> new NotFoundException("No such volunteer"));
	}

	/** A volunteer in the staff member's jurisdiction; 403 for non-staff, 404 outside. */
	VolunteerView find(long id) {
		Actor actor = requireStaff();
		VolunteerView v = jdbc.sql("SELECT * FROM volunteer WHERE id = ?").param(id).query(VolunteerRegistry::map).optional()
			.orElseThrow(() -> new NotFoundException("No such volunteer"));
		if (!actor.covers(v.territoryPath())) {
			throw new NotFoundException("No such volunteer");
		}
		return v;
	}

	/** The registry of the jurisdiction, filtered by name or intention, newest first. */
	Page search(String q, ServiceIntention intention, int page) {
		Actor actor = requireStaff();
		String where = where(q, intention);
		long total = bind(jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE " + where), actor, q, intention)
			.query(Long.class).single();
		List<VolunteerView> rows = bind(jdbc.sql("SELECT * FROM volunteer WHERE " + where
				+ " ORDER BY registered_at DESC, id DESC LIMIT :limit OFFSET :offset"), actor, q, intention)
			.param("limit", PAGE_SIZE)
			.param("offset", Math.max(0, page) * PAGE_SIZE)
			.query(VolunteerRegistry::map)
			.list();
		return new Page(rows, total, Math.max(0, page), PAGE_SIZE);
	}

	record Page(List<VolunteerView> rows, long total, int page, int size) {

		public int pages() {
			return (int) ((total + size - 1) / size);
		}
	}

	/** Every volunteer of the jurisdiction matching the filter, for the export. */
	void export(String q, ServiceIntention intention, Consumer<VolunteerView> sink) {
		Actor actor = requireStaff();
		// A query's stream holds its connection until closed.
		try (var rows = bind(jdbc.sql("SELECT * FROM volunteer WHERE " + where(q, intention) + " ORDER BY territory_path, id"),
				actor, q, intention)
			.query(VolunteerRegistry::map)
			.stream()) {
			rows.forEach(sink);
		}
	}

	long count() {
		Actor actor = requireStaff();
		return jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE territory_path LIKE ?")
			.param(actor.jurisdiction().likePattern()).query(Long.class).single();
	}

	private static String where(String q, ServiceIntention intention) {
		String where = "territory_path LIKE :prefix";
		if (q != null && !q.isBlank()) {
			where += " AND name LIKE :q";
		}
		if (intention != null) {
			where += " AND (',' || intentions || ',') LIKE :intention";
		}
		return where;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Actor actor, String q,
			ServiceIntention intention) {
		spec = spec.param("prefix", actor.jurisdiction().likePattern());
		if (q != null && !q.isBlank()) {
			spec = spec.param("q", "%" + q.trim().replace("%", "").replace("_", "") + "%");
		}
		if (intention != null) {
			spec = spec.param("intention", "%," + intention.name() + ",%");
		}
		return spec;
	}

	static Actor requireStaff() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Staff only");
		}
		return actor;
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

	static boolean validIdNumber(String id) {
		if (!ID_NUMBER.matcher(id).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK[sum % 11] == id.charAt(17);
	}

	static String checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return String.valueOf(ID_CHECK[sum % 11]);
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
