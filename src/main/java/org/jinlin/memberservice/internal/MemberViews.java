package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the member-service API and pages show and accept (never the stored rows). */
public final class MemberViews {

	private MemberViews() {
	}

	/** A member's own registration request (the account is the member). */
	public record MemberRegistrationRequest(String communityCode, String skills, List<String> categories,
			List<String> availability, String employer, String phone) {
	}

	/** Staff record a whole unit's party organisation registering with a community. */
	public record UnitRegistrationRequest(String communityCode, String unitName, String contactName, String phone,
			Integer headcount, String skills, List<String> categories, List<String> availability) {
	}

	public record Registration(long id, String kind, String personKey, String displayName, String employer,
			String contactName, Integer headcount, long communityId, String communityCode, String communityName,
			String skills, List<String> categories, List<String> availability, String phoneMasked, String status,
			Instant registeredAt, Instant withdrawnAt) {
	}

	public record NeedRequest(String communityCode, String title, String description, String category) {
	}

	public record Need(long id, long communityId, String communityName, String title, String description, String category,
			String status, Instant createdAt) {
	}

	public record PostRequest(String communityCode, String title, String description, String category, LocalDate serviceDate,
			BigDecimal hours, Integer headcount) {
	}

	public record Post(long id, long communityId, String communityName, String title, String description, String category,
			LocalDate serviceDate, BigDecimal hours, int headcount, int taken, String status, boolean signedUp) {

		public boolean full() {
			return taken >= headcount;
		}
	}

	public record SignupRequest(Long registrationId) {
	}

	public record Signup(long id, long postId, long registrationId, String postTitle, LocalDate serviceDate, BigDecimal hours,
			String communityName, Instant signedAt) {
	}

	/** A resident's wish; staff posting on a resident's behalf give the resident's id or a name and the community. */
	public record WishRequest(String title, String description, String category, LocalDate deadline, String communityCode,
			Long residentId, String wisherName) {
	}

	/** A claim: a member or volunteer claims for herself; staff claim for a registered unit. */
	public record ClaimRequest(Long registrationId) {
	}

	public record DeliverRequest(String note, BigDecimal hours) {
	}

	/** A wish as the caller may see it: the wisher's name masked unless it is her own or the caller is staff. */
	public record Wish(long id, long communityId, String communityName, String title, String description, String category,
			LocalDate deadline, String wisherName, boolean elderly, String status, String claimerKind,
			String claimerName, Instant claimedAt, String deliveryNote, BigDecimal hours, Instant deliveredAt,
			String confirmedBy, Instant confirmedAt, Instant createdAt, boolean mine, boolean claimedByMe,
			boolean canClaim, boolean canRelease, boolean canDeliver, boolean canConfirm, boolean canCancel) {
	}

	/** Figures of a community (or any jurisdiction). */
	public record Figures(String territoryCode, String territoryName, long registrations, long memberRegistrations,
			long unitRegistrations, long wishesPosted, long wishesFulfilled, long openWishes, long postSignups,
			long personTimes, BigDecimal hours) {
	}

	/** One line of a member's quarterly report. */
	public record ReportLine(LocalDate date, String kind, String content, String communityName, BigDecimal hours) {
	}

	public record QuarterlyReport(Registration registration, String quarter, LocalDate from, LocalDate to,
			List<ReportLine> lines, BigDecimal totalHours, long personTimes) {
	}
}
