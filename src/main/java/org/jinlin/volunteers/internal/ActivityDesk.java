package org.jinlin.volunteers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityModels.ActivityDraft;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.ShiftDraft;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.volunteers.internal.VolunteerTimes.time;
import static org.jinlin.volunteers.internal.VolunteerTimes.trim;

/**
 * Volunteer activities and their shifts: organisers (community workers and above, in their jurisdiction) create and
 * publish them before they start and hold the QR code's secret; everyone signed in sees the published ones.
 */
@Service
@RequiredArgsConstructor
public class ActivityDesk {

	private final ActivityRepository activities;

	private final Territories territories;

	private final FieldErrors messages;

	private record Shift(String label, Instant startsAt, Instant endsAt, Integer capacity) {
	}

	@Transactional
	public ActivityView create(ActivityDraft d) {
		Actor actor = VolunteerAccess.requireOrganiser();
		List<FieldError> errors = new ArrayList<>();
		String title = trim(d.title());
		if (title == null || title.length() > 100) {
			errors.add(new FieldError("title", "volunteers.error.title"));
		}
		OrganiserKind kind = OrganiserKind.parse(d.organiserKind());
		if (kind == null) {
			errors.add(new FieldError("organiserKind", "volunteers.error.organiserKind"));
		}
		TerritoryNode node = trim(d.territoryCode()) == null ? null
				: territories.lookupByCode(d.territoryCode().trim())
					.filter(n -> n.level() == TerritoryLevel.COMMUNITY || n.level() == TerritoryLevel.STREET)
					.filter(n -> actor.covers(n.path()))
					.orElse(null);
		if (node == null) {
			errors.add(new FieldError("territoryCode", "volunteers.error.territory"));
		}
		String organiserName = trim(d.organiserName());
		if (kind == OrganiserKind.ORGANISATION && organiserName == null) {
			errors.add(new FieldError("organiserName", "volunteers.error.organiserName"));
		}
		if (organiserName != null && organiserName.length() > 100) {
			errors.add(new FieldError("organiserName", "volunteers.error.tooLong", 100));
		}
		ServiceIntention category = ServiceIntention.parse(d.category()).orElse(null);
		if (category == null) {
			errors.add(new FieldError("category", "volunteers.error.category"));
		}
		String venue = trim(d.venue());
		if (venue == null || venue.length() > 200) {
			errors.add(new FieldError("venue", "volunteers.error.venue"));
		}
		String description = trim(d.description());
		if (description != null && description.length() > 2000) {
			errors.add(new FieldError("description", "volunteers.error.tooLong", 2000));
		}
		Instant now = Instant.now();
		Instant starts = time(d.startsAt());
		Instant ends = time(d.endsAt());
		if (starts == null || !starts.isAfter(now)) {
			errors.add(new FieldError("startsAt", "volunteers.error.startsAt"));
		}
		if (ends == null || (starts != null && !ends.isAfter(starts))) {
			errors.add(new FieldError("endsAt", "volunteers.error.endsAt"));
		}
		List<Shift> shifts = shifts(d, starts, ends, errors);
		messages.failIfAny(VolunteerRegistry.INVALID, errors);
		long id = activities.insert(new ActivityRepository.NewActivity(title, kind,
				organiserName == null ? node.name() : organiserName, node.id(), node.name(), node.path(), category, venue,
				description == null ? "" : description, starts, ends, "DRAFT", null, VolunteerTimes.newToken(), now,
				actor.name()));
		shifts.forEach(s -> activities.insertShift(id, s.label(), s.startsAt(), s.endsAt(), s.capacity()));
		return load(id);
	}

	/** The draft's shifts; without any, one over the whole activity with the draft's capacity. */
	private List<Shift> shifts(ActivityDraft d, Instant starts, Instant ends, List<FieldError> errors) {
		List<Shift> shifts = new ArrayList<>();
		if (d.shifts() == null || d.shifts().isEmpty()) {
			if (!validCapacity(d.capacity())) {
				errors.add(new FieldError("capacity", "volunteers.error.capacity"));
			}
			else {
				shifts.add(new Shift(messages.message("volunteers.shift.whole"), starts, ends, d.capacity()));
			}
			return shifts;
		}
		for (int i = 0; i < d.shifts().size(); i++) {
			ShiftDraft s = d.shifts().get(i);
			Instant ss = time(s.startsAt());
			Instant se = time(s.endsAt());
			String label = trim(s.label());
			if (label == null || label.length() > 100 || ss == null || se == null || !se.isAfter(ss)
					|| (starts != null && ss.isBefore(starts)) || (ends != null && se.isAfter(ends))) {
				errors.add(new FieldError("shifts[" + i + "]", "volunteers.error.shift"));
			}
			if (!validCapacity(s.capacity())) {
				errors.add(new FieldError("shifts[" + i + "].capacity", "volunteers.error.capacity"));
			}
			shifts.add(new Shift(label, ss, se, s.capacity()));
		}
		return shifts;
	}

	private static boolean validCapacity(Integer capacity) {
		return capacity != null && capacity >= 1 && capacity <= 10000;
	}

	/** Publishes a draft; an activity that has already started cannot be published. */
	@Transactional
	public ActivityView publish(long id) {
		ActivityView a = organised(id);
		if (!"DRAFT".equals(a.status())) {
			throw new ConflictException(messages.message("volunteers.error.notDraft"));
		}
		Instant now = Instant.now();
		if (a.started(now)) {
			throw new ConflictException(messages.message("volunteers.error.publishStarted"));
		}
		activities.publish(id, now);
		return load(id);
	}

	/** A new QR secret: the old code stops working. */
	@Transactional
	public String rotateToken(long id) {
		organised(id);
		String token = VolunteerTimes.newToken();
		activities.setToken(id, token);
		return token;
	}

	/** The check-in secret, for the organiser's QR code. */
	public String token(long id) {
		organised(id);
		return activities.token(id);
	}

	/** Activities the caller may see: published ones, and drafts of the organiser's jurisdiction; newest first. */
	public List<ActivityView> list(boolean upcomingOnly, int limit) {
		Actor actor = CurrentActor.require();
		return activities.list(VolunteerAccess.organiser(actor) ? actor.jurisdiction().likePattern() : null,
				upcomingOnly ? Instant.now() : null, limit);
	}

	/** One activity: published, or a draft of the organiser's jurisdiction; 404 otherwise. */
	public ActivityView find(long id) {
		Actor actor = CurrentActor.require();
		ActivityView a = activities.find(id).orElseThrow(() -> new NotFoundException("No such activity"));
		if (!a.published() && !VolunteerAccess.organises(actor, a)) {
			throw new NotFoundException("No such activity");
		}
		return a;
	}

	/** An activity the caller organises: 404 when invisible or outside the jurisdiction, 403 without the role. */
	public ActivityView organised(long id) {
		Actor actor = CurrentActor.require();
		ActivityView a = find(id);
		if (!VolunteerAccess.organiser(actor)) {
			throw new ForbiddenException("Organisers only");
		}
		if (!actor.covers(a.territoryPath())) {
			throw new NotFoundException("No such activity");
		}
		return a;
	}

	/** The published activity behind a QR code's secret; 404 for an unknown or rotated secret. */
	public ActivityView byToken(String token) {
		CurrentActor.require();
		Long id = token == null || token.length() > 64 ? null : activities.publishedByToken(token).orElse(null);
		if (id == null) {
			throw new NotFoundException("No such check-in code");
		}
		return load(id);
	}

	ActivityView load(long id) {
		return activities.find(id).orElseThrow();
	}
}
