package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jinlin.servicehours.ServiceBalance;
import org.jinlin.servicehours.ServiceSource;

/** What the service-hours pages and API show and accept (never the stored rows). */
public final class LedgerViews {

	private LedgerViews() {
	}

	/** One line of a statement: a movement on one of the person's accounts. */
	public record Movement(long transferId, TransferKind kind, HolderKind account, LedgerUnit unit, BigDecimal amount,
			String reason, Instant bookedAt, boolean reversed) {
	}

	/** A service record as the person (or staff) sees it. */
	public record ServiceRecordView(long id, String personKey, String personName, ServiceSource source,
			String sourceRef, String category, String content, BigDecimal hours, boolean problemSolved,
			boolean elderlyCare, Instant deliveredAt, String confirmedBy, Long transferId, boolean reversed) {
	}

	/** The signed-in person's own page. */
	public record MyHours(ServiceBalance balance, boolean timeBankMember, BigDecimal timeBankCap, int spendingAge,
			List<ServiceRecordView> records, List<Movement> movements) {
	}

	/** A transfer with its entries, for the ledger page. */
	public record TransferView(long id, TransferKind kind, String reason, Long reversesId, boolean reversed,
			String territoryPath, String bookedBy, Instant bookedAt, List<EntryView> entries) {
	}

	public record EntryView(HolderKind kind, String holder, LedgerUnit unit, String displayName, BigDecimal amount) {
	}

	/**
	 * Time-bank hours spent on care: from a holder's time bank, or (with no holder) from the community's donation
	 * pool. The one cared for must be a registered resident of the spending age or older; staff book it.
	 *
	 * @param personKey whose time bank pays, or {@code null} to pay from the donation pool
	 */
	public record SpendHours(String personKey, Long beneficiaryResidentId, Relation relation, BigDecimal hours,
			String service, String idempotencyKey) {
	}
}
