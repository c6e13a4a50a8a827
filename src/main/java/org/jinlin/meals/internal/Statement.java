package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A canteen's monthly statement: the month ({@code yyyy-MM}), its state (OPEN, SUBMITTED, APPROVED), meals served,
 * price, subsidy and amounts paid by the elders, the subsidy by funding source and by tier, who submitted and approved.
 * An approved statement shows the totals approved.
 */
public record Statement(long placeId, String month, String status, long meals, BigDecimal price, BigDecimal subsidy,
		BigDecimal paid, List<SettlementRepository.SourceLine> sources, List<SettlementRepository.TierLine> tiers,
		String submittedBy, OffsetDateTime submittedAt, String approvedBy, OffsetDateTime approvedAt, boolean canSubmit,
		boolean canApprove) {
}
