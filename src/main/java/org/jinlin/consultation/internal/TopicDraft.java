package org.jinlin.consultation.internal;

/**
 * A new topic: a resident's proposal (title, description; her community), or staff's entry of an alliance unit's or
 * the committees' topic ({@code source} UNIT or COMMITTEE, the {@code unit}'s name, the {@code community} code).
 */
public record TopicDraft(String title, String description, String source, String unit, String community) {
}
