package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.memberservice.internal.MemberViews.ClaimRequest;
import org.jinlin.memberservice.internal.MemberViews.DeliverRequest;
import org.jinlin.memberservice.internal.MemberViews.Wish;
import org.jinlin.memberservice.internal.MemberViews.WishRequest;
import org.jinlin.memberservice.internal.RegistrationRepository.StoredRegistration;
import org.jinlin.memberservice.internal.WishRepository.NewWish;
import org.jinlin.memberservice.internal.WishRepository.StoredWish;
import org.jinlin.memberservice.internal.WishStatus.Action;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.memberservice.ServiceCategory;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Micro-wishes (微心愿): a resident posts a wish in her community (staff on a resident's behalf); a registered
 * member, unit or the community's volunteer claims it, delivers it with the hours spent, and the resident or the
 * community confirms — which credits the service. Every move follows {@link WishStatus}.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class MicroWishes {

	private final WishRepository wishes;

	private final RegistrationRepository registrations;

	private final MemberCommunities communities;

	private final ResidentRegister residents;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	public Wish postWish(WishRequest r) {
		Actor actor = CurrentActor.require();
		if (r == null) {
			r = new WishRequest(null, null, null, null, null, null, null);
		}
		MemberValidation v = new MemberValidation();
		TerritoryNode community;
		String wisherUsername = null;
		Long residentId = null;
		String wisherName;
		boolean elderly = false;
		if (MemberAccess.resident(actor)) {
			community = communities.homeCommunity(actor)
				.orElseThrow(() -> new ForbiddenException("Your account has no community"));
			wisherUsername = actor.name();
			residentId = actor.residentId();
			Optional<ResidentView> resident = residentId == null ? Optional.empty() : residents.lookup(residentId);
			wisherName = resident.map(ResidentView::name).orElseGet(() -> displayName(actor));
			elderly = resident.map(x -> MemberValidation.elderly(x.birthDate())).orElse(false);
		}
		else if (MemberAccess.staff(actor)) {
			if (r.residentId() != null) {
				ResidentView resident = residents.lookup(r.residentId()).filter(x -> actor.covers(x.territoryPath()))
					.orElseThrow(() -> ValidationFailedException.field("residentId", "No such resident in your jurisdiction"));
				community = communities.lookup(resident.communityId()).orElseThrow();
				residentId = resident.id();
				wisherName = resident.name();
				elderly = MemberValidation.elderly(resident.birthDate());
			}
			else {
				community = communities.coveredCommunity(actor, r.communityCode(), v);
				wisherName = v.text(r.wisherName(), "wisherName", 100, true);
			}
		}
		else {
			throw new ForbiddenException("Residents post wishes; staff may post on a resident's behalf");
		}
		String title = v.text(r.title(), "title", 100, true);
		String description = v.text(r.description(), "description", 1000, false);
		ServiceCategory category = v.category(r.category());
		if (r.deadline() != null && r.deadline().isBefore(LocalDate.now(MemberValidation.ZONE))) {
			v.add("deadline", "The deadline cannot be in the past");
		}
		v.failIfAny();
		return wish(wishes.insert(NewWish.posted(community.id(), community.path(), title, description, category.name(),
				r.deadline(), wisherUsername, residentId, wisherName, elderly, actor.name(), OffsetDateTime.now())));
	}

	private String displayName(Actor actor) {
		return accounts.lookup(actor.name()).map(a -> MemberValidation.plainName(a.displayName())).orElse(actor.name());
	}

	/**
	 * Wishes the caller may see: staff all in the jurisdiction; a resident her own; a member the open wishes of the
	 * communities she registered with and those she claimed; a volunteer the open wishes of her community and hers.
	 */
	@Transactional(readOnly = true)
	public List<Wish> wishes(String territoryCode, String status) {
		Actor actor = CurrentActor.require();
		WishStatus filter = null;
		if (status != null && !status.isBlank()) {
			filter = Arrays.stream(WishStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim())).findFirst()
				.orElseThrow(() -> ValidationFailedException.field("status", "Unknown status " + status));
		}
		if (actor.isApiKey()) {
			throw new ForbiddenException("Not for API keys");
		}
		List<StoredWish> rows;
		if (actor.isStaff()) {
			rows = wishes.under(communities.scopePrefix(actor, territoryCode), filter);
		}
		else if (actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER, Role.RESIDENT)) {
			boolean resident = actor.has(Role.RESIDENT) && actor.residentId() != null;
			rows = wishes.visibleTo(actor.name(), resident ? actor.residentId() : null,
					communities.claimableCommunityIds(actor));
			if (filter != null) {
				WishStatus f = filter;
				rows = rows.stream().filter(w -> w.status() == f).toList();
			}
		}
		else {
			throw new ForbiddenException("Residents, members, volunteers and staff only");
		}
		return views(actor, rows);
	}

	@Transactional(readOnly = true)
	public Wish wish(long id) {
		Actor actor = CurrentActor.require();
		return views(actor, List.of(visible(actor, id))).get(0);
	}

	/** The wish as the caller sees it, whatever its state (for the card an htmx action answers with). */
	@Transactional(readOnly = true)
	public Wish card(long id) {
		return views(CurrentActor.require(), List.of(wishes.find(id).orElseThrow())).get(0);
	}

	private StoredWish visible(Actor actor, long id) {
		if (!MemberAccess.wishReader(actor)) {
			throw new ForbiddenException("Residents, members, volunteers and staff only");
		}
		StoredWish w = wishes.find(id).orElseThrow(() -> new NotFoundException("No wish " + id));
		boolean visible = MemberAccess.staffOver(actor, w.territoryPath()) || w.isWisher(actor) || w.isClaimer(actor)
				|| (w.status() == WishStatus.OPEN && communities.claimableCommunityIds(actor).contains(w.communityId()));
		if (!visible) {
			throw new NotFoundException("No wish " + id);
		}
		return w;
	}

	public Wish claim(long id, ClaimRequest request) {
		Actor actor = CurrentActor.require();
		Long unitId = request == null ? null : request.registrationId();
		boolean staffForUnit = unitId != null && actor.isStaff();
		if (!staffForUnit && !MemberAccess.claimer(actor)) {
			throw new ForbiddenException("Registered members, units and volunteers claim wishes");
		}
		StoredWish w = visible(actor, id);
		WishStatus next = w.status().after(Action.CLAIM);
		Map<String, Object> params = new HashMap<>();
		if (staffForUnit) {
			MemberAccess.requireCovers(actor, w.territoryPath());
			StoredRegistration unit = registrations.find(unitId)
				.filter(r -> "UNIT".equals(r.kind()) && r.active() && r.communityId() == w.communityId())
				.orElseThrow(() -> ValidationFailedException.field("registrationId",
						"Not a unit registered with this community"));
			claimer(params, "UNIT", unit.personKey(), unit.displayName(), unit.id());
		}
		else {
			Optional<StoredRegistration> reg = actor.has(Role.PARTY_MEMBER)
					? registrations.findActive(actor.name(), w.communityId()) : Optional.empty();
			if (reg.isPresent()) {
				claimer(params, "PARTY_MEMBER", actor.name(), reg.get().displayName(), reg.get().id());
			}
			else if (actor.has(Role.VOLUNTEER)
					&& communities.homeCommunity(actor).map(h -> h.id() == w.communityId()).orElse(false)) {
				claimer(params, "VOLUNTEER", actor.name(), displayName(actor), null);
			}
			else {
				throw new ForbiddenException("Only members and units registered with this community, or its volunteers, may claim");
			}
		}
		if (w.isWisher(actor)) {
			throw new ConflictException("You cannot claim your own wish");
		}
		params.put("now", OffsetDateTime.now());
		move(w, next, """
				claimer_kind = :kind, claimer_key = :key, claimer_name = :name, claimer_registration_id = :reg,
				claimed_at = :now""", params);
		return wish(id);
	}

	private static void claimer(Map<String, Object> params, String kind, String key, String name, Long registrationId) {
		params.put("kind", kind);
		params.put("key", key);
		params.put("name", name);
		params.put("reg", registrationId);
	}

	public Wish release(long id) {
		Actor actor = CurrentActor.require();
		StoredWish w = visible(actor, id);
		requireClaimerOrStaff(actor, w);
		WishStatus next = w.status().after(Action.RELEASE);
		move(w, next, """
				claimer_kind = NULL, claimer_key = NULL, claimer_name = NULL, claimer_registration_id = NULL,
				claimed_at = NULL""", Map.of());
		return wish(id);
	}

	public Wish deliver(long id, DeliverRequest r) {
		Actor actor = CurrentActor.require();
		StoredWish w = visible(actor, id);
		requireClaimerOrStaff(actor, w);
		WishStatus next = w.status().after(Action.DELIVER);
		MemberValidation v = new MemberValidation();
		String note = v.text(r == null ? null : r.note(), "note", 1000, true);
		BigDecimal hours = v.hours(r == null ? null : r.hours());
		v.failIfAny();
		move(w, next, "delivery_note = :note, hours = :hours, delivered_at = :now",
				Map.of("note", note, "hours", hours, "now", OffsetDateTime.now()));
		return wish(id);
	}

	/**
	 * The resident who posted the wish, or community staff, confirm a delivery; the confirmed service is published as
	 * {@link ServiceDelivered} in the same transaction, so the ledger records it exactly when the confirmation commits.
	 */
	public Wish confirm(long id) {
		Actor actor = CurrentActor.require();
		StoredWish w = visible(actor, id);
		requireWisherOrStaff(actor, w, "confirm");
		WishStatus next = w.status().after(Action.CONFIRM);
		Instant now = Instant.now();
		move(w, next, "confirmed_by = :by, confirmed_at = :now",
				Map.of("by", actor.name(), "now", now.atOffset(ZoneOffset.UTC)));
		events.publishEvent(delivered(w, actor.name()));
		return wish(id);
	}

	static ServiceDelivered delivered(StoredWish w, String confirmedBy) {
		boolean elderlyCare = w.elderly() || ServiceCategory.ELDERLY.name().equals(w.category());
		return new ServiceDelivered(w.claimerKey(), w.claimerName(), w.communityId(), w.territoryPath(),
				ServiceSource.MICRO_WISH, "wish:" + w.id(), w.category(), w.title(),
				w.hours().setScale(2, RoundingMode.HALF_UP), true, elderlyCare,
				w.deliveredAt() == null ? Instant.now() : w.deliveredAt(), confirmedBy);
	}

	public Wish cancel(long id) {
		Actor actor = CurrentActor.require();
		StoredWish w = visible(actor, id);
		requireWisherOrStaff(actor, w, "cancel");
		move(w, w.status().after(Action.CANCEL), "cancelled_at = :now", Map.of("now", OffsetDateTime.now()));
		return wish(id);
	}

	private static void requireWisherOrStaff(Actor actor, StoredWish w, String verb) {
		if (!w.isWisher(actor) && !MemberAccess.staffOver(actor, w.territoryPath())) {
			throw new ForbiddenException("Only the resident who posted the wish, or community staff, " + verb + " it");
		}
	}

	private static void requireClaimerOrStaff(Actor actor, StoredWish w) {
		if (!w.isClaimer(actor) && !MemberAccess.staffOver(actor, w.territoryPath())) {
			throw new ForbiddenException("Only the claimer, or community staff, may do this");
		}
	}

	private void move(StoredWish w, WishStatus next, String set, Map<String, Object> params) {
		if (!wishes.move(w, next, set, params)) {
			throw new ConflictException("The wish changed meanwhile; reload it and try again");
		}
	}

	private List<Wish> views(Actor actor, List<StoredWish> rows) {
		Map<Long, TerritoryNode> c = communities.nodes(rows.stream().map(StoredWish::communityId).toList());
		List<Long> claimable = actor.isStaff() ? List.of() : communities.claimableCommunityIds(actor);
		return rows.stream().map(w -> {
			boolean mine = w.isWisher(actor);
			boolean staff = MemberAccess.staffOver(actor, w.territoryPath());
			boolean claimer = w.isClaimer(actor);
			String wisher = mine || staff ? w.wisherName() : Masking.name(w.wisherName());
			boolean canClaim = w.status() == WishStatus.OPEN && !mine && claimable.contains(w.communityId());
			return new Wish(w.id(), w.communityId(), MemberCommunities.name(c, w.communityId()), w.title(),
					w.description(), w.category(), w.deadline(), wisher, w.elderly() && (mine || staff), w.status().name(),
					w.claimerKind(), w.claimerName(), w.claimedAt(), w.deliveryNote(), w.hours(), w.deliveredAt(),
					w.confirmedBy(), w.confirmedAt(), w.createdAt(), mine, claimer, canClaim,
					(claimer || staff) && w.status().allows(Action.RELEASE),
					(claimer || staff) && w.status().allows(Action.DELIVER),
					(mine || staff) && w.status().allows(Action.CONFIRM),
					(mine || staff) && w.status().allows(Action.CANCEL));
		}).toList();
	}
}
