package org.jinlin.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServicesDelivered;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityRepository;
import org.jinlin.volunteers.internal.AttendanceRepository;
import org.jinlin.volunteers.internal.Certificates;
import org.jinlin.volunteers.internal.CheckInPolicy;
import org.jinlin.volunteers.internal.HoursConfirmation;
import org.jinlin.volunteers.internal.OrganiserKind;
import org.jinlin.volunteers.internal.VolunteerRecordRepository;
import org.jinlin.volunteers.internal.VolunteerRegistry;
import org.jinlin.volunteers.internal.VolunteerTimes;
import org.jinlin.volunteers.internal.VolunteerView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of volunteer records that happened elsewhere (a whole city's history): registrations, published
 * activities with one shift, sign-ups, attended and confirmed service, certificates. It writes through the module's
 * own repositories and services, and publishes what the normal path publishes ({@code ParticipantRegistered} per
 * registration, the confirmed service to the service-hours ledger in one {@link ServicesDelivered}). No permission
 * checks: the caller is the application itself, never a request.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class VolunteerImport {

	/** A valid registration; {@code username} empty for someone without an account. */
	public record Registration(String name, String idNumber, String gender, LocalDate birthDate, String phone,
			String skills, List<ServiceIntention> intentions, String availableTime, long communityId, String username,
			String registeredBy, Instant registeredAt) {
	}

	/** A registered volunteer: the id and the key the ledger knows them by. */
	public record Volunteer(long id, String personKey) {
	}

	/** A published activity of a community with one shift over its whole time. */
	public record Activity(long communityId, ServiceIntention category, String title, String venue, String description,
			Instant startsAt, Instant endsAt, String shiftLabel, int capacity, Instant createdAt, Instant publishedAt,
			String createdBy) {
	}

	/** A loaded activity and its shift. */
	public record LoadedActivity(long id, long shiftId) {
	}

	/**
	 * A volunteer's attended and confirmed service on an activity: the pair (back-dated with a reason and approved
	 * by the organiser a day later, or on the spot) and the record the organiser confirmed two hours after sign-out.
	 */
	public record Service(long activityId, long volunteerId, LocalDate serviceDate, Instant signedInAt,
			Instant signedOutAt, String backDatedReason, String organiser, String training, String commendations,
			String evaluation, String ledgerConfirmedBy) {
	}

	/** An issued certificate. */
	public record Certificate(String number, BigDecimal hours) {
	}

	private final VolunteerRegistry registry;

	private final ActivityRepository activities;

	private final AttendanceRepository attendance;

	private final VolunteerRecordRepository records;

	private final HoursConfirmation hours;

	private final Certificates certificates;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	/** Registers a volunteer (publishes {@code ParticipantRegistered}). */
	public Volunteer register(Registration r) {
		VolunteerView v = registry.insert(new VolunteerRegistry.Valid(r.name(), r.idNumber(), r.gender(), r.birthDate(),
				r.phone(), r.skills(), r.intentions(), r.availableTime(), community(r.communityId())), r.username(),
				r.registeredBy(), r.registeredAt());
		return new Volunteer(v.id(), v.personKey());
	}

	/** Loads a published activity organised by its community, with a new check-in secret. */
	public LoadedActivity activity(Activity a) {
		TerritoryNode community = community(a.communityId());
		long id = activities.insert(new ActivityRepository.NewActivity(a.title(), OrganiserKind.COMMUNITY, community.name(),
				community.id(), community.name(), community.path(), a.category(), a.venue(), a.description(), a.startsAt(),
				a.endsAt(), "PUBLISHED", a.publishedAt(), VolunteerTimes.newToken(), a.createdAt(), a.createdBy()));
		activities.insertShift(id, a.shiftLabel(), a.startsAt(), a.endsAt(), a.capacity());
		return new LoadedActivity(id, activity(id).shifts().get(0).id());
	}

	/** Signs a volunteer up for the shift, taking a place. */
	public void signUp(LoadedActivity a, long volunteerId, Instant at) {
		activities.takePlace(a.shiftId());
		activities.insertSignUp(a.shiftId(), a.id(), volunteerId, at);
	}

	/** Loads an attended, confirmed service; answers the ledger's record of it, to {@link #book} with the others. */
	public ServiceDelivered served(Service s) {
		ActivityView a = activity(s.activityId());
		VolunteerView v = registry.get(s.volunteerId());
		boolean backDated = s.backDatedReason() != null;
		attendance.insert(new AttendanceRepository.NewPair(a.id(), v.id(), s.serviceDate(), s.signedInAt(),
				s.signedOutAt(), backDated, CheckInPolicy.Status.APPROVED, s.backDatedReason(), v.personKey(),
				backDated ? s.organiser() : null, backDated ? s.signedOutAt().plus(java.time.Duration.ofDays(1)) : null));
		BigDecimal h = CheckInPolicy.hours(List.of(new CheckInPolicy.Pair(0, a.id(), s.signedInAt(), s.signedOutAt(),
				false, CheckInPolicy.Status.APPROVED)));
		records.insert(new VolunteerRecordRepository.NewRecord(a.id(), v.id(), a.category(), a.title(), h, h, null,
				s.training(), s.commendations(), s.evaluation(), s.serviceDate(), a.territoryPath(), s.organiser(),
				s.signedOutAt().plus(java.time.Duration.ofHours(2))));
		return hours.delivered(a, v, a.title(), h, s.serviceDate(), s.ledgerConfirmedBy());
	}

	/** Books confirmed services to the service-hours ledger in one go (one {@link ServicesDelivered}). */
	public void book(List<ServiceDelivered> delivered) {
		events.publishEvent(new ServicesDelivered(delivered));
	}

	/** Whether the volunteer has any confirmed record. */
	public boolean hasRecords(long volunteerId) {
		return !records.ofVolunteer(volunteerId).isEmpty();
	}

	/**
	 * Issues a certificate over the period from the volunteer's records, with the given number (a new random one when
	 * empty); empty when the volunteer has no record in the period.
	 */
	public Optional<Certificate> certificate(long volunteerId, LocalDate from, LocalDate to, String number,
			Instant issuedAt) {
		try {
			Certificates.Certificate c = certificates.issue(registry.get(volunteerId), from, to,
					number == null ? Certificates.newNumber(to.getYear()) : number, issuedAt);
			return Optional.of(new Certificate(c.number(), c.hours()));
		}
		catch (ConflictException noRecordsInThePeriod) {
			return Optional.empty();
		}
	}

	private ActivityView activity(long id) {
		return activities.find(id).orElseThrow(() -> new NotFoundException("No such activity"));
	}

	private TerritoryNode community(long id) {
		return territories.lookup(id).orElseThrow(() -> new NotFoundException("No territory " + id));
	}
}
