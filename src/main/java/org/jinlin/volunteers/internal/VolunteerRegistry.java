package org.jinlin.volunteers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ParticipantKind;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ServiceIntention;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.volunteers.internal.VolunteerTimes.trim;

/**
 * The volunteer register: self-registration by any signed-in account, registration by staff of someone without an
 * account (in their jurisdiction), the staff registry of the jurisdiction (masked) and its export.
 */
@Service
@RequiredArgsConstructor
public class VolunteerRegistry {

	static final int PAGE_SIZE = 50;

	/** The summary message of every invalid volunteers form or request. */
	static final String INVALID = "volunteers.error.invalid";

	private final VolunteerRepository volunteers;

	private final PersonalDataCipher cipher;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final FieldErrors messages;

	// ------------------------------------------------------------------ registration

	/**
	 * Registers a volunteer: the signed-in account itself, or (staff, {@code onBehalf}) someone without an account in
	 * the staff member's jurisdiction. Publishes {@link ParticipantRegistered}.
	 */
	@Transactional
	public VolunteerView register(RegisterVolunteer cmd) {
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
		if (username != null && volunteers.byUsername(username).isPresent()) {
			throw new ConflictException(messages.message("volunteers.error.alreadyRegistered"));
		}
		return insert(v, username, actor.name(), Instant.now());
	}

	/** Validated, normalised registration data. */
	public record Valid(String name, String idNumber, String gender, LocalDate birthDate, String phone, String skills,
			List<ServiceIntention> intentions, String availableTime, TerritoryNode community) {
	}

	Valid validate(RegisterVolunteer cmd, Actor actor, boolean onBehalf) {
		List<FieldError> errors = new ArrayList<>();
		String name = trim(cmd.name());
		if (name == null || name.length() < 2 || name.length() > 50) {
			errors.add(new FieldError("name", "volunteers.error.name"));
		}
		String id = trim(cmd.idNumber());
		id = id == null ? null : id.toUpperCase(Locale.ROOT);
		boolean idValid = id != null && IdNumbers.valid(id);
		if (!idValid) {
			errors.add(new FieldError("idNumber", "volunteers.error.idNumber"));
		}
		String gender = trim(cmd.gender());
		if (!"MALE".equals(gender) && !"FEMALE".equals(gender)) {
			errors.add(new FieldError("gender", "volunteers.error.gender"));
		}
		LocalDate birth = VolunteerTimes.date(cmd.birthDate());
		if (birth == null || birth.isAfter(LocalDate.now()) || birth.isBefore(LocalDate.now().minusYears(110))) {
			errors.add(new FieldError("birthDate", "volunteers.error.birthDate"));
		}
		else if (idValid && !id.substring(6, 14).equals(birth.format(DateTimeFormatter.BASIC_ISO_DATE))) {
			errors.add(new FieldError("birthDate", "volunteers.error.birthDateMismatch"));
		}
		String phone = trim(cmd.phone());
		if (phone == null || !IdNumbers.PHONE.matcher(phone).matches()) {
			errors.add(new FieldError("phone", "volunteers.error.phone"));
		}
		String skills = trim(cmd.skills());
		if (skills != null && skills.length() > 500) {
			errors.add(new FieldError("skills", "volunteers.error.tooLong", 500));
		}
		List<ServiceIntention> intentions = cmd.intentions() == null ? List.of()
				: cmd.intentions().stream().map(ServiceIntention::parse).flatMap(Optional::stream).distinct().toList();
		if (intentions.isEmpty() || cmd.intentions().size() != intentions.size()) {
			errors.add(new FieldError("intentions", "volunteers.error.intentions"));
		}
		String available = trim(cmd.availableTime());
		if (available != null && available.length() > 200) {
			errors.add(new FieldError("availableTime", "volunteers.error.tooLong", 200));
		}
		TerritoryNode community = trim(cmd.communityCode()) == null ? null
				: territories.lookupByCode(cmd.communityCode().trim()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
					.orElse(null);
		if (community == null || (onBehalf && !actor.covers(community.path()))) {
			errors.add(new FieldError("communityCode", "volunteers.error.community"));
		}
		messages.failIfAny(INVALID, errors);
		return new Valid(name, id, gender, birth, phone, skills == null ? "" : skills, intentions,
				available == null ? "" : available, community);
	}

	/** Stores a validated registration (ID number and phone encrypted and masked) and publishes it. */
	public VolunteerView insert(Valid v, String username, String by, Instant at) {
		String index = cipher.blindIndex(v.idNumber());
		if (volunteers.idNumberTaken(index)) {
			throw new ConflictException(messages.message("volunteers.error.idNumberRegistered"));
		}
		long id;
		try {
			id = volunteers.insert(new VolunteerRepository.NewVolunteer(username, v.name(), v.gender(), v.birthDate(),
					cipher.encrypt(v.idNumber()), index, Masking.idNumber(v.idNumber()), cipher.encrypt(v.phone()),
					Masking.phone(v.phone()), v.skills(), String.join(",", v.intentions().stream().map(Enum::name).toList()),
					v.availableTime(), v.community().id(), v.community().name(), v.community().path(), at, by));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(messages.message("volunteers.error.idNumberRegistered"));
		}
		VolunteerView view = get(id);
		events.publishEvent(new ParticipantRegistered(view.personKey(), ParticipantKind.VOLUNTEER, view.communityId(),
				view.territoryPath(), at));
		return view;
	}

	// ------------------------------------------------------------------ queries

	/** The signed-in account's own registration, if any. */
	public Optional<VolunteerView> mine() {
		return volunteers.byUsername(CurrentActor.require().name());
	}

	/** The signed-in account's registration; 409 with a message telling to register first. */
	public VolunteerView requireMine() {
		return mine().orElseThrow(() -> new ConflictException(messages.message("volunteers.error.notRegistered")));
	}

	public VolunteerView get(long id) {
		return volunteers.byId(id).orElseThrow(() -> new NotFoundException("No such volunteer"));
	}

	/** A volunteer in the staff member's jurisdiction; 403 for non-staff, 404 outside. */
	public VolunteerView find(long id) {
		Actor actor = VolunteerAccess.requireStaff();
		VolunteerView v = get(id);
		if (!actor.covers(v.territoryPath())) {
			throw new NotFoundException("No such volunteer");
		}
		return v;
	}

	/** The registry of the jurisdiction, filtered by name or intention, newest first; a page of {@code {items, page, size, total}}. */
	public Paged<VolunteerView> search(String q, ServiceIntention intention, int page) {
		VolunteerRepository.Filter filter = filter(q, intention);
		int p = Math.max(0, page);
		return new Paged<>(volunteers.page(filter, PAGE_SIZE, p * PAGE_SIZE), p, PAGE_SIZE, volunteers.count(filter));
	}

	/** Every volunteer of the jurisdiction matching the filter, for the export. */
	public void export(String q, ServiceIntention intention, Consumer<VolunteerView> sink) {
		volunteers.each(filter(q, intention), sink);
	}

	long count() {
		return volunteers.count(VolunteerAccess.requireStaff().jurisdiction().likePattern());
	}

	private static VolunteerRepository.Filter filter(String q, ServiceIntention intention) {
		return new VolunteerRepository.Filter(VolunteerAccess.requireStaff().jurisdiction().likePattern(), q, intention);
	}
}
