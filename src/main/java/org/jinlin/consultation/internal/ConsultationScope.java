package org.jinlin.consultation.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction of consultation: staff see the topics of their subtree, residents those of their own community;
 * any other topic answers 404.
 */
@Component
@RequiredArgsConstructor
public class ConsultationScope {

	private final ConsultationRepository repository;

	private final ResidentRegister residents;

	private final Territories territories;

	/** The community a resident account belongs to, if any. */
	public Optional<TerritoryNode> residentCommunity(Actor actor) {
		if (actor.residentId() == null) {
			return Optional.empty();
		}
		return residents.lookup(actor.residentId()).map(ResidentView::communityId).flatMap(territories::lookup);
	}

	/** The path the actor's lists cover: a staff member's jurisdiction, a resident's community. */
	public String pathOf(Actor actor) {
		if (actor.isStaff()) {
			return actor.territoryPath();
		}
		return residentCommunity(actor).map(TerritoryNode::path)
			.orElseThrow(() -> new ForbiddenException("Only residents with a record take part in consultation"));
	}

	/** The topic if the actor may see it, else 404. */
	public Topic visible(Actor actor, long id) {
		Topic t = repository.find(id).orElseThrow(() -> new NotFoundException("No consultation topic " + id));
		if (!sees(actor, t)) {
			throw new NotFoundException("No consultation topic " + id);
		}
		return t;
	}

	boolean sees(Actor actor, Topic t) {
		if (actor.isStaff()) {
			return actor.covers(t.territoryPath());
		}
		return residentCommunity(actor).map(c -> c.id() == t.communityId()).orElse(false);
	}

	/** The topic for a manager: 403 without the role, 404 outside the jurisdiction. */
	public Topic managed(long id) {
		Actor actor = ConsultationAccess.manager();
		return visible(actor, id);
	}

	/** The topic for a resident of its community: 403 for anyone else, 404 for another community's topic. */
	public Topic takingPart(long id) {
		Actor actor = ConsultationAccess.participant();
		return visible(actor, id);
	}

	/** A territory node by code inside the actor's jurisdiction (her own node when null): 404 when unknown or outside. */
	public TerritoryNode node(Actor actor, String code) {
		TerritoryNode node = code == null || code.isBlank() ? territories.lookup(actor.territoryId()).orElse(null)
				: territories.lookupByCode(code.strip()).orElse(null);
		if (node == null || !actor.covers(node.path())) {
			throw new NotFoundException("No territory " + code);
		}
		return node;
	}

	/** A community node by code inside the actor's jurisdiction: 404 when unknown or outside. */
	public TerritoryNode community(Actor actor, String code) {
		TerritoryNode node = code == null ? null : territories.lookupByCode(code.strip()).orElse(null);
		if (node == null || !actor.covers(node.path())
				|| node.level() != org.jinlin.territory.TerritoryLevel.COMMUNITY) {
			throw new NotFoundException("No community " + code);
		}
		return node;
	}
}
