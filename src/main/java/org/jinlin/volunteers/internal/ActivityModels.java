package org.jinlin.volunteers.internal;

import org.jinlin.volunteers.ServiceIntention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records the activity pages and API exchange. */
public final class ActivityModels {

	private ActivityModels() {
	}

	/** A new activity; times as local date-times of Fuzhou ({@code 2026-12-01T09:00}). */
	public record ActivityDraft(String title, String organiserKind, String organiserName, String territoryCode, String category,
			String venue, String description, String startsAt, String endsAt, Integer capacity, List<ShiftDraft> shifts) {
	}

	/** A shift of a new activity; without shifts the activity has one shift over its whole time with {@code capacity}. */
	public record ShiftDraft(String label, String startsAt, String endsAt, Integer capacity) {
	}

	public record ShiftView(long id, String label, Instant startsAt, Instant endsAt, int capacity, int taken) {

		public boolean full() {
			return taken >= capacity;
		}
	}

	public record ActivityView(long id, String title, OrganiserKind organiserKind, String organiserName, long territoryId,
			String territoryName, String territoryPath, ServiceIntention category, String venue, String description,
			Instant startsAt, Instant endsAt, String status, Instant publishedAt, String createdBy, List<ShiftView> shifts) {

		public boolean published() {
			return "PUBLISHED".equals(status);
		}

		public boolean started(Instant now) {
			return !now.isBefore(startsAt);
		}

		public boolean ended(Instant now) {
			return !now.isBefore(endsAt);
		}

		public int capacity() {
			return shifts.stream().mapToInt(ShiftView::capacity).sum();
		}

		public int taken() {
			return shifts.stream().mapToInt(ShiftView::taken).sum();
		}
	}

	/** A sign-up as the organiser sees it (phone masked). */
	public record SignUpView(long id, long shiftId, String shiftLabel, long volunteerId, String volunteerName, String phoneMasked,
			String status, Instant signedUpAt) {
	}

	/** A sign-in/sign-out pair. */
	public record AttendanceView(long id, long activityId, long volunteerId, String volunteerName, LocalDate serviceDate,
			Instant signedInAt, Instant signedOutAt, boolean backDated, CheckInPolicy.Status status, String reason,
			String recordedBy, String decidedBy) {
	}

	/** What the venue's check-in did. */
	public record CheckInResult(String action, AttendanceView attendance, String message) {
	}

	/** A back-dated pair (补录); {@code volunteerId} empty for one's own. */
	public record BackDate(Long volunteerId, String signedInAt, String signedOutAt, String reason) {
	}

	/** The organiser's decision on a back-dated pair. */
	public record Decision(Boolean approve) {
	}

	/** The organiser confirms a volunteer's hours; {@code hours} empty means the computed hours. */
	public record ConfirmHours(Long volunteerId, BigDecimal hours, String adjustReason, String content, String training,
			String commendations, String evaluation) {
	}

	/** Per volunteer of an activity: computed hours, pending pairs, and the confirmed record if any. */
	public record HoursLine(long volunteerId, String volunteerName, String idNumberMasked, BigDecimal computedHours, int pairs,
			int pending, ServiceRecordView record) {
	}

	/** A confirmed service record with what the Measures require. */
	public record ServiceRecordView(long id, long activityId, String activityTitle, String organiserName, long volunteerId,
			String volunteerName, String idNumberMasked, ServiceIntention category, String content,
			BigDecimal computedHours, BigDecimal hours, String adjustReason, String training, String commendations,
			String evaluation, LocalDate serviceDate, String confirmedBy, Instant confirmedAt) {
	}
}
