package org.jinlin.publiclog.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandClosed;
import org.jinlin.publiclog.tlog.TreeHashes;
import org.jinlin.quality.IndicatorSnapshotFrozen;
import org.jinlin.servicehours.HoursCredited;
import org.jinlin.servicehours.HoursReversed;
import org.jinlin.volunteers.CertificateIssued;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The public facts, from the other modules' events: each listener runs after the publishing transaction committed,
 * in its own transaction, recorded in the event publication registry (so a crash loses nothing and a redelivery is
 * absorbed by the source key). Only public data goes in: ids, codes, communities, dates, amounts, and for a person a
 * keyed pseudonym — never a name, phone, ID number or an address below the community.
 */
@Component
@RequiredArgsConstructor
class PublicFacts {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final LogRepository repository;

	private final LogSettings settings;

	@ApplicationModuleListener
	void on(DemandClosed e) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("demand", e.demandId());
		f.put("category", e.categoryCode());
		f.put("community", e.communityId());
		f.put("outcome", e.outcome() == null ? null : e.outcome().name());
		f.put("rating", e.rating() == null ? null : e.rating().name());
		f.put("closedAutomatically", e.automatically());
		f.put("raised", day(e.raisedAt()));
		f.put("resolved", day(e.resolvedAt()));
		f.put("closed", day(e.at()));
		add(LeafEntry.of("demand.closed:" + e.demandId(), "demand.closed", null, f), e.at());
	}

	@ApplicationModuleListener
	void on(HoursCredited e) {
		String holder = settings.pseudonym(e.personKey());
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("record", e.recordId());
		f.put("holder", holder);
		f.put("community", e.communityId());
		f.put("hours", e.hours().toPlainString());
		f.put("source", e.source().name());
		f.put("delivered", day(e.deliveredAt()));
		add(LeafEntry.of("hours.credited:" + e.recordId(), "hours.credited", holder, f), Instant.now());
	}

	@ApplicationModuleListener
	void on(HoursReversed e) {
		String holder = e.personKey() == null ? null : settings.pseudonym(e.personKey());
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("reversal", e.reversalId());
		f.put("reverses", e.reversedId());
		f.put("record", e.serviceRecordId());
		f.put("holder", holder);
		f.put("hours", e.hours().toPlainString());
		f.put("date", day(e.at()));
		add(LeafEntry.of("hours.reversed:" + e.reversalId(), "hours.reversed", holder, f), e.at());
	}

	@ApplicationModuleListener
	void on(CertificateIssued e) {
		String holder = settings.pseudonym(e.personKey());
		String numberHash = HexFormat.of().formatHex(TreeHashes.sha256(e.number().getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("numberSha256", numberHash);
		f.put("holder", holder);
		f.put("community", e.communityId());
		f.put("hours", e.hours().toPlainString());
		f.put("from", e.periodFrom().toString());
		f.put("to", e.periodTo().toString());
		add(LeafEntry.of("certificate.issued:" + numberHash, "certificate.issued", holder, f), e.at());
	}

	@ApplicationModuleListener
	void on(IndicatorSnapshotFrozen e) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("indicator", e.indicatorCode());
		f.put("territory", e.territoryCode());
		f.put("period", e.period());
		f.put("value", e.value() == null ? null : java.math.BigDecimal.valueOf(e.value()).toPlainString());
		f.put("count", e.count());
		f.put("met", e.met());
		f.put("target", e.target() == null ? null : e.target().toPlainString());
		f.put("status", e.status());
		add(LeafEntry.of("indicator.frozen:" + e.indicatorCode() + ":" + e.territoryCode() + ":" + e.period(),
				"indicator.frozen", null, f), e.frozenAt());
	}

	private void add(LeafEntry leaf, Instant at) {
		repository.addPending(leaf, at == null ? Instant.now() : at);
	}

	private static String day(Instant at) {
		return at == null ? null : LocalDate.ofInstant(at, ZONE).toString();
	}
}
