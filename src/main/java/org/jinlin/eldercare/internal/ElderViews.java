package org.jinlin.eldercare.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.Mobility;
import org.jinlin.eldercare.VisitKind;

/** The views and commands of {@link ElderCare}: masked, no health data except {@link Health}. */
public final class ElderViews {

	private ElderViews() {
	}

	/** One elder in a list: what {@code GET /api/v1/elders} returns per item. */
	public record ElderRow(long id, String name, String communityCode, int age, boolean livingAlone, RiskLevel riskLevel,
			LivingSituation livingSituation, Integer abilityLevel, LocalDate nextVisitDue, boolean visitOverdue,
			String addressLabel) {
	}

	/** A contact with the phone masked. */
	public record ContactRow(int priority, String name, String relation, String phoneMasked) {
	}

	/** A member of the care circle. */
	public record CarerRow(String role, String username, String name) {
	}

	/** A registered device. */
	public record DeviceRow(long id, String deviceId, DeviceKind kind, Instant registeredAt) {
	}

	/** One elder's profile, masked: no health data, no door-access notes, phones masked. */
	public record ElderView(long id, long residentId, String name, String gender, LocalDate birthDate, int age,
			String communityCode, String addressLabel, LivingSituation livingSituation, boolean livingAlone,
			Mobility mobility, Integer abilityLevel, RiskLevel riskLevel, LocalDate lastAssessedOn,
			LocalDate reassessmentDue, boolean reassessmentOverdue, Instant lastVisitAt, LocalDate nextVisitDue,
			boolean visitOverdue, boolean hasHealthData, String status, List<ContactRow> contacts,
			List<CarerRow> careCircle, List<DeviceRow> devices) {
	}

	/** The sensitive care data, shown by the audited reveal. */
	public record Health(long elderId, List<String> conditions, List<String> medicines, List<String> allergies,
			String doorAccessNotes) {

		@Override
		public String toString() {
			return "Health[elderId=" + elderId + "]";
		}
	}

	/** An ability assessment with its result. */
	public record AssessmentView(long id, LocalDate assessedOn, String assessedBy, List<Integer> scores, int selfCare,
			int basicMotor, int mentalState, int perceptionSocial, int total, int baseLevel, boolean dementia,
			boolean mentalDisorder, int riskEvents, int level, String note) {
	}

	/** A visit record. */
	public record VisitView(long id, Instant visitedAt, String visitor, String visitorName, VisitKind kind,
			String findings, boolean followUp, boolean hasPhoto) {
	}

	/** A recorded care-risk event or change in condition. */
	public record RiskEventView(long id, RiskEventKind kind, LocalDate occurredOn, String note, String recordedBy) {
	}

	/** An elder whose next visit is overdue. */
	public record OverdueVisit(long elderId, String name, String communityCode, String addressLabel, RiskLevel riskLevel,
			LivingSituation livingSituation, LocalDate nextVisitDue, long daysOverdue) {
	}

	/** An upcoming birthday, with whether a birthday-visit task is open. */
	public record UpcomingBirthday(long elderId, String name, String communityCode, String addressLabel,
			LocalDate birthday, int turning, long inDays, boolean taskOpen) {
	}

	// ------------------------------------------------------------------ commands (boxed: Jackson 3 and forms)

	/** An assessment: the 26 item scores in the standard's order, diagnoses, optional date (today) and note. */
	public record RecordAssessment(List<Integer> scores, Boolean dementia, Boolean mentalDisorder, LocalDate assessedOn,
			String note) {
	}

	/** A visit: kind, when (now if empty), findings, whether a follow-up is needed. */
	public record RecordVisit(VisitKind kind, Instant visitedAt, String findings, Boolean followUp) {
	}

	/** The care fields a worker edits; lists one item per entry. */
	public record UpdateCare(LivingSituation livingSituation, Mobility mobility, List<String> conditions,
			List<String> medicines, List<String> allergies, String doorAccessNotes) {

		@Override
		public String toString() {
			return "UpdateCare[livingSituation=" + livingSituation + "]";
		}
	}

	/** An emergency contact; priority is the list position. */
	public record ContactDraft(String name, String relation, String phone) {

		@Override
		public String toString() {
			return "ContactDraft[relation=" + relation + "]";
		}
	}

	public record AddDevice(String deviceId, DeviceKind kind) {
	}

	public record AssignCarer(CarerRole role, String username) {
	}

	public record RecordRiskEvent(RiskEventKind kind, LocalDate occurredOn, String note) {
	}

	/** A visit photo (jpeg/png, small). */
	public record PhotoUpload(String contentType, byte[] bytes) {
	}
}
