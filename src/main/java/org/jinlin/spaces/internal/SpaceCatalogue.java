package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a community's spaces, their zones, rules and blackout periods: community workers in their community,
 * officials and administrators in their subtree. A space outside the jurisdiction is 404, a missing role 403, bad
 * fields 400 (nothing written), a stale version 409.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SpaceCatalogue {

	static final String INVALID = "spaces.error.invalid";

	private final SpaceRepository repository;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	@Transactional
	public long create(SpaceDraft draft) {
		Actor actor = SpaceAccess.editor();
		List<FieldError> problems = new ArrayList<>();
		TerritoryNode community = community(actor, draft.community(), problems);
		SpaceRules rules = SpaceValidation.rules(draft, problems);
		fieldErrors.failIfAny(INVALID, problems);
		return repository.insert(values(draft, community, rules), actor.name());
	}

	@Transactional
	public void update(long id, SpaceDraft draft) {
		SpaceRepository.SpaceRow space = editable(id);
		List<FieldError> problems = new ArrayList<>();
		if (draft.version() == null) {
			problems.add(new FieldError("version", "spaces.error.version"));
		}
		SpaceRules rules = SpaceValidation.rules(draft, problems);
		fieldErrors.failIfAny(INVALID, problems);
		TerritoryNode community = territories.lookup(space.territoryId()).orElseThrow();
		if (!repository.update(id, draft.version(), values(draft, community, rules), org.jinlin.shared.CurrentActor.require().name())) {
			throw fieldErrors.conflict("spaces.error.stale");
		}
	}

	@Transactional
	public long addZone(long spaceId, ZoneDraft draft) {
		editable(spaceId);
		List<FieldError> problems = new ArrayList<>();
		SpaceRepository.ZoneValues v = SpaceValidation.zone(draft, problems);
		fieldErrors.failIfAny(INVALID, problems);
		return repository.insertZone(spaceId, v);
	}

	@Transactional
	public void updateZone(long zoneId, ZoneDraft draft) {
		SpaceAccess.editor();
		SpaceRepository.ZoneRow zone = repository.zone(zoneId)
			.orElseThrow(() -> new NotFoundException("No zone " + zoneId));
		editable(zone.spaceId());
		List<FieldError> problems = new ArrayList<>();
		SpaceRepository.ZoneValues v = SpaceValidation.zone(draft, problems);
		fieldErrors.failIfAny(INVALID, problems);
		repository.updateZone(zoneId, v);
	}

	@Transactional
	public long addBlackout(long spaceId, OffsetDateTime start, OffsetDateTime end, String reason) {
		editable(spaceId);
		List<FieldError> problems = new ArrayList<>();
		if (start == null) {
			problems.add(new FieldError("start", "spaces.error.start.required"));
		}
		if (end == null) {
			problems.add(new FieldError("end", "spaces.error.end.required"));
		}
		else if (start != null && !end.isAfter(start)) {
			problems.add(new FieldError("end", "spaces.error.end.beforeStart"));
		}
		if (!SpaceTime.plausible(start) || !SpaceTime.plausible(end)) {
			problems.add(new FieldError("start", "spaces.error.time.range"));
		}
		if (reason != null && reason.length() > 200) {
			problems.add(new FieldError("reason", "spaces.error.tooLongText"));
		}
		fieldErrors.failIfAny(INVALID, problems);
		return repository.insertBlackout(spaceId, start, end, SpaceValidation.blank(reason));
	}

	@Transactional
	public void removeBlackout(long blackoutId) {
		SpaceAccess.editor();
		SpaceRepository.BlackoutRow b = repository.blackout(blackoutId)
			.orElseThrow(() -> new NotFoundException("No blackout " + blackoutId));
		editable(b.spaceId());
		repository.deleteBlackout(blackoutId);
	}

	/** A space the current actor may edit: 403 without the role, 404 outside the jurisdiction. */
	SpaceRepository.SpaceRow editable(long id) {
		Actor actor = SpaceAccess.editor();
		return repository.find(id).filter(s -> actor.covers(s.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No space " + id));
	}

	private TerritoryNode community(Actor actor, String code, List<FieldError> problems) {
		if (code == null || code.isBlank()) {
			problems.add(new FieldError("community", "spaces.error.community"));
			return null;
		}
		TerritoryNode node = territories.lookupByCode(code.trim()).orElse(null);
		if (node == null || node.level() != TerritoryLevel.COMMUNITY) {
			problems.add(new FieldError("community", "spaces.error.community"));
			return null;
		}
		if (!actor.covers(node.path())) {
			throw new NotFoundException("No community " + code);
		}
		return node;
	}

	private static SpaceRepository.SpaceValues values(SpaceDraft d, TerritoryNode community, SpaceRules rules) {
		return new SpaceRepository.SpaceValues(d.name().trim(), community.id(), community.path(), community.code(),
				SpaceValidation.blank(d.address()), SpaceValidation.blank(d.description()), rules);
	}
}
