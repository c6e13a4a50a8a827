package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandContactViewed;
import org.jinlin.people.ResidentContact;
import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demands as the caller may see them: one demand with its timeline and photos, the work queue, a resident's
 * own demands, the staff search and its export. Scoped to the caller's jurisdiction (404 outside it).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class DemandQueries {

	private final DemandRepository repository;

	private final DemandAccess access;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	private final ResidentRegister residents;

	private final ApplicationEventPublisher events;

	/** One demand the caller may see, or 404. */
	public DemandView find(long id) {
		return access.visible(CurrentActor.require(), id);
	}

	/** The timeline; staff see internal notes, others only the public steps. */
	public List<DemandStep> timeline(long id) {
		Actor actor = CurrentActor.require();
		access.visible(actor, id);
		List<DemandStep> steps = repository.steps(id);
		if (actor.isStaff() || actor.isApiKey()) {
			return steps;
		}
		return steps.stream().filter(s -> s.kind().alwaysPublic() || s.publicNote() != null)
			.map(s -> new DemandStep(s.id(), s.at(), s.kind(), null, s.fromStatus(), s.toStatus(), s.publicNote(), null,
					s.unitName()))
			.toList();
	}

	/** The media link an Open311 client sent, and whether the demand still needs locating (for the detail page). */
	public DemandRepository.Open311Extras open311Extras(long id) {
		access.visible(CurrentActor.require(), id);
		return repository.open311Extras(id);
	}

	public List<PhotoRef> photos(long id) {
		access.visible(CurrentActor.require(), id);
		return repository.photos(id);
	}

	/** A photo of a demand the caller may see. */
	public PhotoUpload photo(long photoId) {
		DemandRepository.Photo photo = repository.photo(photoId).orElseThrow(() -> new NotFoundException("No photo"));
		access.visible(CurrentActor.require(), photo.demandId());
		return new PhotoUpload(photo.contentType(), photo.bytes());
	}

	/** The full contact phone of a caller, for staff calling back; recorded like any personal-data view. */
	@Transactional
	public String revealContactPhone(long id) {
		return revealContact(id).phone();
	}

	/**
	 * The full name and phone of the person who raised the demand, for staff of the demand's area calling her
	 * back (others who see the demand 403, anyone else 404); recorded on the timeline and in the audit log.
	 */
	@Transactional
	public DemandContact revealContact(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		if (actor.isApiKey()) {
			throw new ForbiddenException("API keys never see a resident's contact");
		}
		access.requireAreaStaff(actor, d, "Only staff of the demand's area may call the resident back");
		Optional<ResidentContact> resident = d.residentId() == null ? Optional.empty()
				: residents.lookupContact(d.residentId());
		String stored = repository.contactPhoneCipher(id);
		String phone = stored != null ? cipher.decrypt(stored) : resident.map(ResidentContact::phone).orElse(null);
		String name = resident.map(ResidentContact::name).orElse(d.raiserDisplay());
		if (phone == null && resident.isEmpty()) {
			return new DemandContact(id, name, null); // nothing in clear to show, nothing to record
		}
		repository.addStep(id, StepKind.NOTE, actor.name(), null, null, null, "contact viewed", null);
		events.publishEvent(new DemandContactViewed(id, d.territoryPath(), actor.name(), Instant.now()));
		return new DemandContact(id, name, phone);
	}

	/** The urgent answer a demand the caller may see was raised with, if any, worded for the pages. */
	public Optional<UrgentNotice> urgent(long id, DemandCategory category) {
		access.visible(CurrentActor.require(), id);
		return repository.urgent(id)
			.map(u -> UrgentNotice.of(u, category, repository.firstStep(id, StepKind.HELP_CONFIRMED).orElse(null)));
	}

	/**
	 * The caller's work queue: demands waiting for her unit or for her, escalated to her unit, returned to
	 * her as dispatcher, in deliberation in her community, or (for a grid worker) open in her grid and
	 * claimable. Most urgent and earliest due first.
	 */
	public List<DemandView> queue(int limit) {
		Actor actor = CurrentActor.require();
		TerritoryLevel level = actor.isStaff()
				? territories.lookup(actor.territoryId()).map(TerritoryNode::level).orElse(TerritoryLevel.GRID) : null;
		return repository.query(DemandFilter.queue(actor.name(), actor.territoryId(), level),
				DemandRepository.QUEUE_ORDER, 0, Math.max(1, Math.min(limit, 500)));
	}

	/** Demands raised by the caller (a resident's "my demands"), newest first. */
	public List<DemandView> mine(int limit) {
		Actor actor = CurrentActor.require();
		return repository.query(DemandFilter.mine(actor.name(), actor.residentId()), "d.raised_at DESC, d.id DESC",
				0, Math.max(1, Math.min(limit, 200)));
	}

	/** Demands in the caller's jurisdiction matching the filters, newest first. */
	public Paged<DemandView> search(DemandSearch q) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff() && !actor.isApiKey()) {
			throw new ForbiddenException("Only staff search demands");
		}
		DemandFilter where = searchWhere(actor, q);
		int size = Math.max(1, Math.min(q.size(), 200));
		int page = Math.max(0, q.page());
		long total = repository.count(where);
		List<DemandView> items = repository.query(where, "d.raised_at DESC, d.id DESC", page * size, size);
		return new Paged<>(items, page, size, total);
	}

	/** Open demands past their sign-for or handling deadline in the actor's jurisdiction (as {@code /demands?overdue=true}). */
	public long overdueCount(Actor actor) {
		return repository.count(searchWhere(actor, new DemandSearch(null, null, null, null, null, true, 0, 1)));
	}

	/** Streams every match of a search, for the Excel export. */
	public void export(DemandSearch q, Consumer<DemandView> sink) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff export demands");
		}
		DemandFilter where = searchWhere(actor, q);
		int chunk = 1000;
		for (int offset = 0;; offset += chunk) {
			List<DemandView> rows = repository.query(where, "d.raised_at DESC, d.id DESC", offset, chunk);
			rows.forEach(sink);
			if (rows.size() < chunk) {
				return;
			}
		}
	}

	private DemandFilter searchWhere(Actor actor, DemandSearch q) {
		TerritoryNode scope = territories.lookup(actor.territoryId()).orElseThrow();
		TerritoryNode narrow = null;
		if (q.community() != null && !q.community().isBlank()) {
			narrow = territories.lookupByCode(q.community().strip()).filter(n -> actor.covers(n.path()))
				.orElseThrow(() -> new NotFoundException("No territory " + q.community()));
		}
		return DemandFilter.search(scope, narrow, q, Instant.now());
	}
}
