package org.jinlin.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.ConsultationBulkWriter;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads whole consultations at once (a seeded city's history): the topic, its procedure and participants, the
 * sittings held in order by the procedure's rules (a sitting whose quorum fails leaves its stage to be held again),
 * and, as far as given, the published decision, progress, the published result and residents' ratings. No events:
 * the caller announces the load in its own way. Sittings that break the procedure's rules are refused
 * ({@link IllegalArgumentException}).
 */
@Service
@RequiredArgsConstructor
public class ConsultationBulkLoad {

	/** A consultation to write; {@code source} COMMITTEE, UNIT or RESIDENT; {@code form} a consultation form. */
	public record NewConsultation(TerritoryNode community, String title, String description, String source,
			String proposerUnit, String form, boolean fourTwo, String venue, List<NewParticipant> participants,
			String materials, Instant createdAt, List<NewSitting> sittings, Instant decisionPublishedAt,
			List<NewProgress> progress, String result, Instant resultPublishedAt, Map<String, String> ratings) {
	}

	/** A participant: kind REPRESENTATIVE, STAKEHOLDER, UNIT or EXPERT. */
	public record NewParticipant(String kind, String name, String role) {
	}

	/** A sitting of the next stage not yet passed. */
	public record NewSitting(Instant heldAt, int expected, int present, int votesFor, int votesAgainst,
			int votesAbstain, String minutes, String decision) {
	}

	public record NewProgress(Instant at, String note, String evidence) {
	}

	private final ConsultationBulkWriter writer;

	/** Writes the consultation, recorded as by {@code by}; returns the topic's id. */
	@Transactional
	public long load(NewConsultation c, String by) {
		return writer.write(c, by);
	}
}
