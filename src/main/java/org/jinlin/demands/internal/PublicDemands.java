package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public board (晒事): demands as anyone may see them without signing in, scrubbed of personal data, with rounded coordinates
 * and no personal data; a community's board, one demand, its public deliberation, Open311 searches.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PublicDemands {

	private final DemandRepository repository;

	private final DemandDeliberationRepository deliberations;

	private final Territories territories;

	private final DemandPublicText text;

	/** A community's public board: readable without signing in, no personal data. */
	public PublicBoard board(String communityCode, DemandStatus status, int page, int size) {
		TerritoryNode community = territories.lookupByCode(communityCode)
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> new NotFoundException("No community " + communityCode));
		int s = Math.max(1, Math.min(size, 100));
		int pg = Math.max(0, page);
		DemandFilter where = DemandFilter.board(community.id(), status);
		long total = repository.count(where);
		List<PublicDemand> items = views(repository.query(where, "d.raised_at DESC, d.id DESC", pg * s, s), false);
		return new PublicBoard(community.code(), community.name(), items, pg, s, total);
	}

	/** One demand as the public sees it, with its public timeline and photos. */
	public PublicDemand publicDemand(long id) {
		return views(List.of(shown(id)), true).get(0);
	}

	private DemandView shown(long id) {
		return repository.find(id).filter(x -> x.status() != DemandStatus.MERGED)
			.orElseThrow(() -> new NotFoundException("No demand " + id));
	}

	/**
	 * The latest public reply (the note of the RESOLVED step, scrubbed) of each of the given demands that
	 * has one: the outcome text shown on the public board's cards.
	 */
	public Map<Long, String> publicReplies(Collection<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> replies = repository.publicReplies(ids);
		Map<Long, List<String>> known = text.byDemand(repository.residentIds(replies.keySet()));
		replies.replaceAll((id, reply) -> text.scrub(reply, known.getOrDefault(id, List.of())));
		return replies;
	}

	/** Demands matching public filters across the city (Open311 GET requests): public views only. */
	public List<PublicDemand> publicSearch(PublicSearch q) {
		int size = Math.max(1, Math.min(q.size(), 1000));
		int page = Math.max(0, q.page());
		return views(repository.query(DemandFilter.publicSearch(q), "d.raised_at DESC, d.id DESC", page * size, size),
				true);
	}

	public Optional<PublicDemand> publicByToken(String token) {
		return repository.findByToken(token).filter(x -> x.status() != DemandStatus.MERGED)
			.map(d -> views(List.of(d), false).get(0));
	}

	/** A photo of a demand on the public board. */
	public PhotoUpload publicPhoto(long photoId) {
		DemandRepository.Photo photo = repository.photo(photoId).orElseThrow(() -> new NotFoundException("No photo"));
		repository.find(photo.demandId()).filter(x -> x.status() != DemandStatus.MERGED)
			.orElseThrow(() -> new NotFoundException("No photo"));
		return new PhotoUpload(photo.contentType(), photo.bytes());
	}

	/**
	 * The deliberation of a public matter as the public board shows it: support and opposition counts, the
	 * comments with residents' masked names (staff comments carry no name at all) and only the meetings
	 * whose decision was published, without who recorded them. Empty counts for a demand that is not a
	 * public matter.
	 */
	public PublicDeliberation publicDeliberation(long id) {
		DemandView d = shown(id);
		if (!d.publicMatter()) {
			return new PublicDeliberation(id, 0, 0, List.of(), List.of());
		}
		Deliberation all = deliberations.deliberation(id, null);
		List<String> known = text.knownParts(List.of(d)).getOrDefault(id, List.of());
		List<Deliberation.Comment> comments = deliberations.comments(id).stream()
			// Staff comments were stored under the account name: never shown publicly.
			.map(c -> new Deliberation.Comment(c.id(), c.byStaff() ? null : c.displayName(), text.scrub(c.text(), known),
					c.at()))
			.toList();
		List<PublicDeliberation.PublishedMeeting> published = all.meetings().stream()
			.filter(m -> m.publishedAt() != null)
			.map(m -> new PublicDeliberation.PublishedMeeting(m.heldAt(), m.place(), text.scrub(m.agenda(), known),
					m.expectedParticipants(), m.presentParticipants(), text.scrub(m.decision(), known), m.votesFor(),
					m.votesAgainst(), m.votesAbstain(), m.publishedAt()))
			.toList();
		return new PublicDeliberation(id, all.support(), all.oppose(), comments, published);
	}

	/**
	 * Demands as the public sees them; with their public timelines and photos for the detail. Free text is
	 * scrubbed of personal data, the raiser's own name and address parts included.
	 */
	List<PublicDemand> views(List<DemandView> demands, boolean withTimeline) {
		Map<Long, List<String>> known = text.knownParts(demands);
		return demands.stream().map(d -> view(d, withTimeline, known.getOrDefault(d.id(), List.of()))).toList();
	}

	private PublicDemand view(DemandView d, boolean withTimeline, List<String> known) {
		String place = repository.publicPlace(d.id());
		String communityName = d.communityId() == null ? ""
				: territories.lookup(d.communityId()).map(TerritoryNode::name).orElse("");
		List<PublicDemand.PublicStep> timeline = withTimeline ? repository.steps(d.id()).stream()
			.filter(s -> s.kind().alwaysPublic() || s.publicNote() != null)
			.map(s -> new PublicDemand.PublicStep(s.at(), s.kind(), s.toStatus(), text.scrub(s.publicNote(), known),
					s.unitName()))
			.toList() : List.of();
		Instant updated = d.closedAt() != null ? d.closedAt()
				: d.resolvedAt() != null ? d.resolvedAt() : d.signedAt() != null ? d.signedAt() : d.raisedAt();
		Instant expected = d.status() == DemandStatus.IN_PROGRESS ? d.handleDueAt() : null;
		return new PublicDemand(d.id(), d.token(), d.categoryCode(), d.categoryName(), text.scrub(d.description(), known),
				d.status(), place, communityName, d.communityId(), round(d.latitude()), round(d.longitude()),
				d.showNamePublicly() ? d.raiserDisplay() : null, d.handlerName(), d.publicMatter(), d.raisedAt(), updated,
				d.resolvedAt(), d.outcome(), d.rating(), expected, withTimeline ? repository.photos(d.id()) : List.of(),
				timeline, repository.open311Extras(d.id()).mediaUrl());
	}

	/** Public coordinates are rounded to about 100 m, so a point does not give away a door. */
	private static Double round(Double v) {
		return v == null ? null : Math.round(v * 1000) / 1000.0;
	}
}
