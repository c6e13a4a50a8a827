package org.jinlin.memberservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.PostRepository;
import org.jinlin.memberservice.internal.RegistrationRepository;
import org.jinlin.memberservice.internal.WishRepository;
import org.jinlin.servicehours.ParticipantKind;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of member service's history (an earlier register, or a whole city's history): registrations, needs, wishes in
 * any state, posts and their sign-ups, written as they were, without the checks of the live use cases. Each
 * registration is published as {@link ParticipantRegistered} like a live one; the service that history delivered
 * is the importer's to publish (as {@link org.jinlin.servicehours.ServicesDelivered}).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class MemberServiceImport {

	/**
	 * A member's ({@code MEMBER}) or a unit's ({@code UNIT}) registration, active; categories and availability are
	 * comma-separated codes. Its person key becomes {@code member:<id>} or {@code unit:<id>}.
	 */
	public record ImportedRegistration(String kind, String displayName, String employer, String contactName,
			Integer headcount, long communityId, String territoryPath, String skills, String categories,
			String availability, String phone, OffsetDateTime registeredAt, String registeredBy) {

		/** The key the registration is known by: {@code member:<id>} or {@code unit:<id>}. */
		public String personKey(long id) {
			return ("UNIT".equals(kind) ? "unit:" : "member:") + id;
		}
	}

	/** A need of a community's needs list ({@code OPEN} or {@code MET}). */
	public record ImportedNeed(long communityId, String territoryPath, String title, String description,
			ServiceCategory category, String status, OffsetDateTime createdAt, String createdBy) {
	}

	/**
	 * A wish in any state ({@code OPEN}, {@code CLAIMED}, {@code DELIVERED}, {@code CONFIRMED}, {@code CANCELLED}), with
	 * whatever of its claim, delivery, confirmation or cancellation that state has.
	 */
	public record ImportedWish(long communityId, String territoryPath, String title, String description,
			ServiceCategory category, LocalDate deadline, String wisherUsername, Long wisherResidentId, String wisherName,
			boolean elderly, String postedBy, String status, OffsetDateTime createdAt, String claimerKind,
			String claimerKey, String claimerName, Long claimerRegistrationId, OffsetDateTime claimedAt,
			String deliveryNote, BigDecimal hours, OffsetDateTime deliveredAt, String confirmedBy,
			OffsetDateTime confirmedAt, OffsetDateTime cancelledAt) {

		/** A wish just posted, still open. */
		public static ImportedWish open(long communityId, String territoryPath, String title, String description,
				ServiceCategory category, LocalDate deadline, String wisherUsername, Long wisherResidentId,
				String wisherName, boolean elderly, String postedBy, OffsetDateTime createdAt) {
			return new ImportedWish(communityId, territoryPath, title, description, category, deadline, wisherUsername,
					wisherResidentId, wisherName, elderly, postedBy, "OPEN", createdAt, null, null, null, null, null, null,
					null, null, null, null, null);
		}
	}

	/** A service post ({@code OPEN} or {@code CLOSED}) with the places already taken. */
	public record ImportedPost(long communityId, String territoryPath, String title, String description,
			ServiceCategory category, LocalDate serviceDate, BigDecimal hours, int headcount, int taken, String status,
			OffsetDateTime createdAt, String createdBy) {
	}

	private final RegistrationRepository registrations;

	private final WishRepository wishes;

	private final PostRepository posts;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	/** Writes the registration and publishes it; returns its id. */
	public long register(ImportedRegistration r) {
		long id = registrations.insert(new RegistrationRepository.NewRegistration(r.kind(), null, null, r.displayName(),
				r.employer(), r.contactName(), r.headcount(), r.communityId(), r.territoryPath(), r.skills(),
				r.categories(), r.availability(), cipher.encrypt(r.phone()), Masking.phone(r.phone()), "ACTIVE", null,
				r.registeredAt(), r.registeredBy(), null));
		String personKey = r.personKey(id);
		registrations.setKeys(id, personKey, personKey + "@" + r.communityId());
		events.publishEvent(new ParticipantRegistered(personKey,
				"UNIT".equals(r.kind()) ? ParticipantKind.UNIT : ParticipantKind.PARTY_MEMBER, r.communityId(),
				r.territoryPath(), r.registeredAt().toInstant()));
		return id;
	}

	public long need(ImportedNeed n) {
		return posts.insertNeed(n.communityId(), n.territoryPath(), n.title(), n.description(), n.category().name(),
				n.status(), n.createdAt(), n.createdBy());
	}

	public long wish(ImportedWish w) {
		return wishes.insert(new WishRepository.NewWish(w.communityId(), w.territoryPath(), w.title(), w.description(),
				w.category().name(), w.deadline(), w.wisherUsername(), w.wisherResidentId(), w.wisherName(), w.elderly(),
				w.postedBy(), w.status(), w.createdAt(), w.claimerKind(), w.claimerKey(), w.claimerName(),
				w.claimerRegistrationId(), w.claimedAt(), w.deliveryNote(), w.hours(), w.deliveredAt(), w.confirmedBy(),
				w.confirmedAt(), w.cancelledAt()));
	}

	public long post(ImportedPost p) {
		return posts.insertPost(p.communityId(), p.territoryPath(), p.title(), p.description(), p.category().name(),
				p.serviceDate(), p.hours(), p.headcount(), p.taken(), p.status(), p.createdAt(), p.createdBy());
	}

	/** A sign-up of a registration for a post (the post's places taken are the importer's to give). */
	public long signup(long postId, long registrationId, OffsetDateTime signedAt) {
		return posts.insertSignup(postId, registrationId, signedAt);
	}
}
