package org.jinlin.memberservice.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.memberservice.internal.MemberViews.MemberRegistrationRequest;
import org.jinlin.memberservice.internal.MemberViews.Registration;
import org.jinlin.memberservice.internal.MemberViews.UnitRegistrationRequest;
import org.jinlin.memberservice.internal.RegistrationRepository.NewRegistration;
import org.jinlin.memberservice.internal.RegistrationRepository.StoredRegistration;
import org.jinlin.servicehours.ParticipantKind;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.Role;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations (双报到): a party member registers herself with the community where she lives, community staff
 * record a unit's party organisation; either may be withdrawn. Each registration is published as
 * {@link ParticipantRegistered}. Staff see the registrations of their jurisdiction, a member her own.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class MemberRegistrations {

	private final RegistrationRepository registrations;

	private final MemberCommunities communities;

	private final AccountManagement accounts;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	public Registration registerMember(MemberRegistrationRequest r) {
		Actor actor = CurrentActor.require();
		if (!MemberAccess.member(actor) || actor.isApiKey()) {
			throw new ForbiddenException("Only party members register themselves");
		}
		if (r == null) {
			r = new MemberRegistrationRequest(null, null, null, null, null, null);
		}
		MemberValidation v = new MemberValidation();
		TerritoryNode community = communities.community(r.communityCode(), v);
		String categories = v.categories(r.categories());
		String availability = v.availability(r.availability());
		String employer = v.text(r.employer(), "employer", 200, true);
		String skills = v.text(r.skills(), "skills", 500, false);
		String phone = v.phone(r.phone(), false);
		v.failIfAny();
		String name = accounts.lookup(actor.name()).map(AccountManagement.AccountReference::displayName)
			.map(MemberValidation::plainName).orElse(actor.name());
		long id = insert("MEMBER", actor.name(), actor.name(), name, employer, null, null, community, skills, categories,
				availability, phone, actor.name());
		events.publishEvent(new ParticipantRegistered(actor.name(), ParticipantKind.PARTY_MEMBER, community.id(),
				community.path(), Instant.now()));
		return registration(id);
	}

	public Registration registerUnit(UnitRegistrationRequest r) {
		Actor actor = MemberAccess.requireCommunityStaff(CurrentActor.require());
		if (r == null) {
			r = new UnitRegistrationRequest(null, null, null, null, null, null, null, null);
		}
		MemberValidation v = new MemberValidation();
		TerritoryNode community = communities.coveredCommunity(actor, r.communityCode(), v);
		String unitName = v.text(r.unitName(), "unitName", 200, true);
		String contact = v.text(r.contactName(), "contactName", 100, true);
		String phone = v.phone(r.phone(), true);
		v.headcount(r.headcount(), 100_000);
		String categories = v.categories(r.categories());
		String availability = v.availability(r.availability());
		String skills = v.text(r.skills(), "skills", 500, false);
		v.failIfAny();
		long id = insert("UNIT", null, null, unitName, unitName, contact, r.headcount(), community, skills, categories,
				availability, phone, actor.name());
		registrations.setPersonKey(id, "unit:" + id);
		events.publishEvent(new ParticipantRegistered("unit:" + id, ParticipantKind.UNIT, community.id(),
				community.path(), Instant.now()));
		return registration(id);
	}

	private long insert(String kind, String personKey, String username, String displayName, String employer,
			String contact, Integer headcount, TerritoryNode community, String skills, String categories,
			String availability, String phone, String by) {
		String activeKey = (personKey != null ? personKey : "unit-name:" + displayName.toLowerCase(Locale.ROOT)) + "@"
				+ community.id();
		if (registrations.activeKeyTaken(activeKey)) {
			throw new ConflictException("Already registered with " + community.name());
		}
		try {
			return registrations.insert(new NewRegistration(kind, personKey, username, displayName, employer, contact,
					headcount, community.id(), community.path(), skills, categories, availability, cipher.encrypt(phone),
					Masking.phone(phone), "ACTIVE", activeKey, OffsetDateTime.now(), by, null));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Already registered with " + community.name());
		}
	}

	public Registration withdraw(long id) {
		Actor actor = CurrentActor.require();
		StoredRegistration r = visible(actor, id);
		if (!r.own(actor) && !MemberAccess.staffOver(actor, r.territoryPath())) {
			throw new ForbiddenException("Only the member or community staff may withdraw a registration");
		}
		if (!r.active()) {
			throw new ConflictException("This registration was already withdrawn");
		}
		registrations.withdraw(id, OffsetDateTime.now());
		return registration(id);
	}

	@Transactional(readOnly = true)
	public Registration registration(long id) {
		Actor actor = CurrentActor.require();
		return view(visible(actor, id));
	}

	/** The registration if the caller may see it: her own, or staff of its community; 404 otherwise. */
	StoredRegistration visible(Actor actor, long id) {
		if (!actor.isStaff() && !actor.has(Role.PARTY_MEMBER)) {
			throw new ForbiddenException("Staff and party members only");
		}
		StoredRegistration r = registrations.find(id).orElseThrow(() -> new NotFoundException("No registration " + id));
		if (r.own(actor) || MemberAccess.staffOver(actor, r.territoryPath())) {
			return r;
		}
		throw new NotFoundException("No registration " + id);
	}

	/** Staff: registrations in the jurisdiction (or a territory inside it); a member: her own. */
	@Transactional(readOnly = true)
	public List<Registration> registrations(String territoryCode, boolean activeOnly) {
		Actor actor = CurrentActor.require();
		if (MemberAccess.staff(actor)) {
			return views(registrations.under(communities.scopePrefix(actor, territoryCode), activeOnly));
		}
		if (actor.has(Role.PARTY_MEMBER)) {
			return views(registrations.ofUser(actor.name()));
		}
		throw new ForbiddenException("Staff and party members only");
	}

	private List<Registration> views(List<StoredRegistration> rows) {
		Map<Long, TerritoryNode> nodes = communities.nodes(rows.stream().map(StoredRegistration::communityId).toList());
		return rows.stream().map(r -> view(r, nodes.get(r.communityId()))).toList();
	}

	Registration view(StoredRegistration r) {
		return view(r, communities.lookup(r.communityId()).orElse(null));
	}

	private static Registration view(StoredRegistration r, TerritoryNode community) {
		return new Registration(r.id(), r.kind(), r.personKey(), r.displayName(), r.employer(), r.contactName(),
				r.headcount(), r.communityId(), community == null ? null : community.code(),
				community == null ? null : community.name(), r.skills(), MemberValidation.split(r.categories()),
				MemberValidation.split(r.availability()), r.phoneMasked(), r.status(), r.registeredAt(), r.withdrawnAt());
	}
}
