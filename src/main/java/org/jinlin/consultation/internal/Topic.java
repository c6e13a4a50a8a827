package org.jinlin.consultation.internal;

import java.time.Instant;

/**
 * One topic as lists and pages show it. {@code publicationOverdue}: decided, not published by its due date;
 * {@code room}: the room asked of the spaces module for its sitting, or null.
 */
public record Topic(long id, long communityId, String territoryPath, String title, String description,
		TopicSource source, Long demandId, String proposedBy, String proposerUnit, TopicStatus status,
		ConsultationForm form, String procedureCode, String venue, Long roomBookingId, String materials,
		Instant materialsSentAt, boolean voteOpen, String decision, Instant decidedAt, Instant publishDueAt,
		Instant decisionPublishedAt, String result, Instant resultDueAt, Instant resultPublishedAt, Instant createdAt,
		int supporters, int version, TopicRoom room) {

	public boolean publicationOverdue(Instant now) {
		return (status == TopicStatus.DECIDED && publishDueAt != null && now.isAfter(publishDueAt))
				|| (status == TopicStatus.PUBLISHED && resultDueAt != null && now.isAfter(resultDueAt));
	}

	public boolean isPublicationOverdue() {
		return publicationOverdue(Instant.now());
	}

	public boolean secret() {
		return form != null && form.secret();
	}
}
