package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PublicText;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of consultation for the module's pages and API, scoped: staff their jurisdiction, residents their
 * community; and the public board of a community's published decisions and results (signed out, text scrubbed).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ConsultationQueries {

	public static final int MAX_SIZE = 100;

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final Territories territories;

	/** The filters of the topic lists; all optional. */
	public record TopicQuery(TopicSource source, TopicStatus status, boolean quorumFailed, boolean overdue, int page,
			int size) {

		public TopicQuery {
			page = Math.max(0, page);
			size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
		}
	}

	public Paged<Topic> search(TopicQuery q) {
		Actor actor = ConsultationAccess.reader();
		var filter = new ConsultationRepository.Filter(scope.pathOf(actor), q.source(), q.status(), q.quorumFailed(),
				q.overdue());
		Instant now = Instant.now();
		return new Paged<>(repository.search(filter, now, q.page(), q.size()), q.page(), q.size(),
				repository.count(filter, now));
	}

	public TopicDetail detail(long id) {
		Actor actor = ConsultationAccess.reader();
		Topic t = scope.visible(actor, id);
		boolean resident = ConsultationAccess.canTakePart(actor);
		TopicDetail.Ballots ballots = actor.isStaff() && t.voteOpen() ? repository.ballots(id) : null;
		boolean voted = resident && repository.hasVoted(id, actor.name());
		BallotChoice choice = resident && !t.secret() ? repository.openChoice(id, actor.name()).orElse(null) : null;
		TopicDetail.Mine mine = new TopicDetail.Mine(resident && repository.supported(id, actor.name()), voted, choice,
				resident ? repository.ratingOf(id, actor.name()).orElse(null) : null,
				resident && t.voteOpen() && !(t.secret() && voted), resident && t.status() == TopicStatus.COMPLETED);
		return new TopicDetail(t, repository.participants(id), repository.stages(id), repository.progress(id),
				repository.ratings(id), ballots, mine);
	}

	/** The topic of a demand made a public matter, if the caller may see it; 404 otherwise. */
	public long byDemand(long demandId) {
		Actor actor = ConsultationAccess.reader();
		Topic t = repository.findByDemand(demandId).orElseThrow(() -> new NotFoundException("No topic for demand " + demandId));
		return scope.visible(actor, t.id()).id();
	}

	/** One published topic as the public board shows it. */
	public record PublicTopic(long id, String title, String decision, Instant decisionPublishedAt, String result,
			Instant resultPublishedAt, List<TopicDetail.Progress> progress, Map<FollowUpRating, Long> ratings,
			PublicRoom room) {
	}

	/** Where and when a topic sat (or will sit): the room booked through the spaces module. */
	public record PublicRoom(String name, Instant start, Instant end) {

		static PublicRoom of(Topic t) {
			return t.room() == null || !t.room().booked() ? null
					: new PublicRoom(t.room().name(), t.room().start(), t.room().end());
		}
	}

	/** A coming sitting: the topic's title and its booked room. */
	public record ComingSitting(long id, String title, PublicRoom room) {
	}

	public record PublicBoard(TerritoryNode community, List<PublicTopic> topics, List<ComingSitting> coming) {
	}

	/** The published decisions and results of a community, newest first; unscoped, free text scrubbed. */
	public PublicBoard publicBoard(String communityCode, Locale locale) {
		TerritoryNode community = territories.lookupByCode(communityCode)
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> new NotFoundException("No community " + communityCode));
		var published = new ConsultationRepository.Filter(community.path(), null, TopicStatus.PUBLISHED, false, false);
		var completed = new ConsultationRepository.Filter(community.path(), null, TopicStatus.COMPLETED, false, false);
		Instant now = Instant.now();
		List<Topic> topics = new java.util.ArrayList<>(repository.search(published, now, 0, MAX_SIZE));
		topics.addAll(repository.search(completed, now, 0, MAX_SIZE));
		topics.sort(java.util.Comparator.comparing(Topic::decisionPublishedAt).reversed());
		return new PublicBoard(community, topics.stream()
			.map(t -> new PublicTopic(t.id(), scrub(t.title(), locale), scrub(t.decision(), locale),
					t.decisionPublishedAt(), scrub(t.result(), locale), t.resultPublishedAt(),
					repository.progress(t.id()).stream()
						.map(p -> new TopicDetail.Progress(p.id(), p.at(), scrub(p.note(), locale), null, null))
						.toList(),
					repository.ratings(t.id()), PublicRoom.of(t)))
			.toList(),
				repository.comingSittings(community.path(), now).stream()
					.map(t -> new ComingSitting(t.id(), scrub(t.title(), locale), PublicRoom.of(t)))
					.toList());
	}

	private static String scrub(String text, Locale locale) {
		return text == null ? null : PublicText.scrub(text, locale);
	}
}
