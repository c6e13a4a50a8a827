package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.blankToNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandRaised;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.UrgentDemandRaised;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising a demand (说事): a resident in the app, staff on a resident's behalf, an Open311 client for a caller.
 * The demand is dispatched by its category's rule in the same transaction.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandRaising {

	/** Similar open demands: same category, within this distance and this many days. */
	public static final double SIMILAR_METRES = 300;

	public static final int SIMILAR_DAYS = 30;

	private final DemandRepository repository;

	private final DemandCategories categories;

	private final DemandLocator locator;

	private final DemandRouting routing;

	private final DemandAccess access;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	private final DemandChecks checks;

	private final PublicDemands board;

	private final DemandNotifications notifications;

	private final ApplicationEventPublisher events;

	public DemandView raise(RaiseDemand cmd) {
		return raise(cmd, List.of());
	}

	/**
	 * Raises a demand and dispatches it by the category's rule. A resident raises for herself in the app;
	 * staff raise on a resident's behalf after a call or a visit (channel required); an Open311 key raises
	 * for a caller identified only by masked contact details.
	 */
	public DemandView raise(RaiseDemand cmd, List<PhotoUpload> photos) {
		Actor actor = CurrentActor.require();
		List<FieldError> problems = new ArrayList<>();
		RaiseChannel channel = channel(actor, cmd.channel(), problems);
		Optional<DemandCategory> category = categories.findByCode(cmd.categoryCode()).filter(DemandCategory::active);
		if (category.isEmpty()) {
			problems.add(new FieldError("categoryCode", "demands.category.unknown"));
		}
		String description = cmd.description() == null ? "" : cmd.description().strip();
		if (description.isEmpty()) {
			problems.add(new FieldError("description", "demands.description.required"));
		}
		else if (description.length() > DemandChecks.DESCRIPTION_MAX) {
			problems.add(new FieldError("description", "demands.description.too-long", DemandChecks.DESCRIPTION_MAX));
		}
		String phone = cmd.contactPhone() == null ? null : cmd.contactPhone().replaceAll("[\\s-]", "");
		if (phone != null && !phone.isEmpty() && !phone.matches("\\+?[0-9]{7,15}")) {
			problems.add(new FieldError("contactPhone", "demands.contact.phone.invalid"));
		}
		if (cmd.contactName() != null && cmd.contactName().strip().length() > 50) {
			problems.add(new FieldError("contactName", "demands.contact.name.too-long"));
		}
		DemandChecks.checkPhotos(photos, problems);
		String mediaUrl = blankToNull(cmd.mediaUrl());
		if (mediaUrl != null && !DemandChecks.isLink(mediaUrl)) {
			problems.add(new FieldError("mediaUrl", "demands.media-url.invalid"));
		}

		// The resident: the caller herself, or the one staff raise for.
		Long residentId = null;
		if (actor.isStaff() && !actor.isApiKey()) {
			residentId = cmd.residentId();
		}
		else if (!actor.isApiKey()) {
			residentId = actor.residentId();
		}
		ResidentView resident = access.resident(residentId).orElse(null);
		if (residentId != null && resident == null) {
			if (actor.isStaff()) {
				problems.add(new FieldError("residentId", "demands.resident.unknown"));
			}
			residentId = null;
		}
		checks.failIfAny(problems);

		Long nodeId = cmd.locationNodeId();
		if (nodeId == null && cmd.latitude() == null && resident != null) {
			nodeId = resident.buildingId();
		}
		DemandLocator.Location location;
		boolean needsLocating = false;
		if (actor.isApiKey() && nodeId == null && cmd.latitude() == null && cmd.longitude() == null
				&& blankToNull(cmd.addressLabel()) != null) {
			// Open311: an address_string alone is a location, matched against the key's places.
			DemandLocator.Located found = locator.locateByAddress(cmd.addressLabel(), actor.territoryId(),
					actor.territoryPath());
			location = found.location();
			needsLocating = found.needsLocating();
		}
		else {
			location = locator.locate(nodeId, cmd.latitude(), cmd.longitude(), cmd.addressLabel());
		}
		if ((actor.isStaff() || actor.isApiKey()) && !actor.covers(location.path())) {
			throw checks.invalid("location", "demands.location.outside-jurisdiction");
		}
		DemandCategory cat = category.get();
		Map<String, String> answers = categories.checkAnswers(cat, cmd.answers());
		Optional<UrgentAnswer> urgent = UrgentAnswers.match(cat.attributes(), answers);

		String raiserName = resident != null ? resident.name() : blankToNull(cmd.contactName());
		String contactPhone = phone == null || phone.isEmpty() ? null : phone;
		Instant now = Instant.now();
		long id = repository.insert(new DemandRepository.NewDemand(UUID.randomUUID().toString(), cat.id(), description,
				DemandStatus.DISPATCHED, UrgentAnswers.urgency(cat.urgency(), urgent), channel, location.nodeId(),
				location.path(), location.gridId(), location.communityId(), location.streetId(), location.districtId(),
				location.label(), location.latitude(), location.longitude(), residentId, actor.name(),
				raiserName == null ? null : Masking.name(raiserName), contactPhone == null ? null : Masking.phone(contactPhone),
				contactPhone == null ? null : cipher.encrypt(contactPhone), Boolean.TRUE.equals(cmd.showNamePublicly()), now));
		repository.setPublicPlace(id, location.publicPlace());
		if (mediaUrl != null || needsLocating) {
			repository.setOpen311Extras(id, new DemandRepository.Open311Extras(mediaUrl, needsLocating));
		}
		repository.insertAttributes(id, answers);
		urgent.ifPresent(u -> repository.insertUrgent(id, u));
		for (PhotoUpload p : DemandChecks.orNone(photos)) {
			repository.addPhoto(id, "BEFORE", p.contentType(), p.bytes(), actor.name());
		}
		repository.addStep(id, StepKind.RAISED, actor.name(), null, DemandStatus.DISPATCHED, null,
				channel.onBehalf() ? channel.name() : null, null);
		events.publishEvent(new DemandRaised(id, cat.code(), location.path(), location.communityId(), channel, residentId, now));
		DemandView raised = repository.find(id).orElseThrow();
		routing.route(raised, routing.defaultTarget(cat, raised), actor.name(), StepKind.DISPATCHED, null,
				EnumSet.of(DemandStatus.DISPATCHED));
		if (urgent.isPresent()) {
			raisedUrgent(raised, residentId, now);
		}
		return repository.find(id).orElseThrow();
	}

	/**
	 * Life or safety at risk: the grid and the community are told at once, whoever the rule sent it to, and the
	 * alarm desk hears of it (for a registered elder).
	 */
	private void raisedUrgent(DemandView d, Long residentId, Instant now) {
		if (d.gridId() != null) {
			notifications.toNode(d.gridId(), d.id(), NotificationKind.URGENT);
		}
		notifications.toNode(d.communityId() != null ? d.communityId() : d.streetId(), d.id(), NotificationKind.URGENT);
		events.publishEvent(new UrgentDemandRaised(d.id(), d.categoryCode(), d.territoryPath(), d.communityId(),
				residentId, now));
	}

	private static RaiseChannel channel(Actor actor, RaiseChannel requested, List<FieldError> problems) {
		if (actor.isApiKey()) {
			return RaiseChannel.OPEN311;
		}
		if (actor.isStaff()) {
			if (requested == null || !requested.onBehalf()) {
				problems.add(new FieldError("channel", "demands.channel.on-behalf"));
				return RaiseChannel.PHONE_CALL;
			}
			return requested;
		}
		return RaiseChannel.APP;
	}

	/**
	 * Open demands of the same category near a point, raised in the last {@value #SIMILAR_DAYS} days: shown
	 * while raising, so a resident can support an existing demand instead of raising a duplicate.
	 */
	@Transactional(readOnly = true)
	public List<PublicDemand> similar(String categoryCode, Long locationNodeId, Double latitude, Double longitude) {
		Optional<DemandCategory> category = categories.findByCode(categoryCode);
		if (category.isEmpty()) {
			return List.of();
		}
		Double lat = latitude;
		Double lon = longitude;
		if ((lat == null || lon == null) && locationNodeId != null) {
			Optional<TerritoryNode> node = territories.lookup(locationNodeId);
			lat = node.map(TerritoryNode::latitude).orElse(null);
			lon = node.map(TerritoryNode::longitude).orElse(null);
		}
		if (lat == null || lon == null) {
			return List.of();
		}
		double fLat = lat;
		double fLon = lon;
		return board.views(repository.openNear(category.get().id(), Instant.now().minus(Duration.ofDays(SIMILAR_DAYS)),
				fLat, fLon)
			.stream()
			.filter(d -> d.latitude() != null
					&& Territories.metres(fLat, fLon, d.latitude(), d.longitude()) <= SIMILAR_METRES)
			.limit(5).toList(), false);
	}
}
