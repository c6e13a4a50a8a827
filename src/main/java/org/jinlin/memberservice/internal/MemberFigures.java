package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberViews.Figures;
import org.jinlin.memberservice.internal.MemberViews.QuarterlyReport;
import org.jinlin.memberservice.internal.MemberViews.ReportLine;
import org.jinlin.memberservice.internal.RegistrationRepository.StoredRegistration;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of member service for a territory, and a member's (or unit's) quarterly service report. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class MemberFigures {

	private final RegistrationRepository registrations;

	private final WishRepository wishes;

	private final PostRepository posts;

	private final MemberCommunities communities;

	private final MemberRegistrations registrationService;

	/** Figures of a territory inside the staff member's jurisdiction (default: her own node). */
	public Figures figures(String territoryCode) {
		Actor actor = MemberAccess.requireStaff(CurrentActor.require());
		TerritoryNode node = communities.nodeInJurisdiction(actor, territoryCode);
		String p = node.path() + "%";
		long members = registrations.countActive("MEMBER", p);
		long units = registrations.countActive("UNIT", p);
		long posted = wishes.count(p, null);
		long fulfilled = wishes.count(p, WishStatus.CONFIRMED);
		long open = wishes.count(p, WishStatus.OPEN);
		long signups = posts.servedSignups(p);
		BigDecimal hours = wishes.confirmedHours(p).add(posts.servedHours(p));
		return new Figures(node.code(), node.name(), members + units, members, units, posted, fulfilled, open, signups,
				fulfilled + signups, hours.setScale(2, RoundingMode.HALF_UP));
	}

	/** A member's (or unit's) service in a quarter, for her employer unit: staff in jurisdiction or the member. */
	public QuarterlyReport report(long registrationId, String quarter) {
		Actor actor = CurrentActor.require();
		StoredRegistration r = registrationService.visible(actor, registrationId);
		LocalDate[] period = MemberValidation.quarter(quarter);
		LocalDate from = period[0];
		LocalDate to = period[1];
		OffsetDateTime start = from.atStartOfDay(MemberValidation.ZONE).toOffsetDateTime();
		OffsetDateTime end = to.plusDays(1).atStartOfDay(MemberValidation.ZONE).toOffsetDateTime();
		record Line(LocalDate date, String kind, String content, long communityId, BigDecimal hours) {
		}
		List<Line> lines = new ArrayList<>();
		wishes.confirmedFor(r.id(), r.personKey(), start, end).forEach(w -> lines.add(new Line(
				w.at().atZone(MemberValidation.ZONE).toLocalDate(), "MICRO_WISH", w.title(), w.communityId(), w.hours())));
		posts.shiftsOf(r.id(), from, to).forEach(
				s -> lines.add(new Line(s.date(), "SERVICE_POST", s.title(), s.communityId(), s.hours())));
		Map<Long, TerritoryNode> c = communities.nodes(lines.stream().map(Line::communityId).toList());
		List<ReportLine> named = lines.stream()
			.map(l -> new ReportLine(l.date(), l.kind(), l.content(), MemberCommunities.name(c, l.communityId()), l.hours()))
			.sorted(Comparator.comparing(ReportLine::date)).toList();
		BigDecimal total = named.stream().map(ReportLine::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO,
				BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
		String label = "%dQ%d".formatted(from.getYear(), (from.getMonthValue() - 1) / 3 + 1);
		return new QuarterlyReport(registrationService.view(r), label, from, to, named, total, named.size());
	}
}
