package org.jinlin.alarms.web;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.internal.AlarmReport;
import org.jinlin.alarms.internal.MonthlyAlarmReport;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly alarm report (staff): month and area within the jurisdiction, the shares acknowledged within 60 s and
 * 180 s against the telecare targets, ack and arrival times, outcomes, kinds, a chart per day and an Excel export.
 */
@Controller
@RequiredArgsConstructor
class ReportPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AlarmReport report;

	private final Territories territories;

	private final AlarmPagesSupport support;

	@GetMapping("/alarms/report")
	String page(@RequestParam(required = false) String month, @RequestParam(required = false) String territory,
			Model model) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff see alarm reports");
		}
		YearMonth m = month(month);
		boolean badMonth = m == null;
		if (badMonth) {
			m = YearMonth.now(AlarmPagesSupport.ZONE);
		}
		MonthlyAlarmReport r = report.monthly(m, territory);
		model.addAttribute("r", r);
		model.addAttribute("month", badMonth ? month : m.toString());
		model.addAttribute("monthError", badMonth ? support.msg("alarms.report.month.invalid") : null);
		model.addAttribute("areas", areas(actor));
		model.addAttribute("chartJson", chart(r));
		return "alarms/report";
	}

	@GetMapping("/alarms/report.xlsx")
	void export(@RequestParam(required = false) String month, @RequestParam(required = false) String territory,
			HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff see alarm reports");
		}
		YearMonth m = month(month);
		MonthlyAlarmReport r = report.monthly(m == null ? YearMonth.now(AlarmPagesSupport.ZONE) : m, territory);
		SpreadsheetDownloads.xlsx(response, "alarm-report-" + r.territoryCode() + "-" + r.month() + ".xlsx", out -> {
			try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, support.msg("alarms.pages.report.heading"),
					List.of(support.msg("alarms.pages.report.col.measure"), support.msg("alarms.pages.report.col.value")))) {
				for (Map.Entry<String, Object> e : figures(r).entrySet()) {
					sheet.row(List.of(e.getKey(), e.getValue() == null ? "" : e.getValue()));
				}
				sheet.row(List.of("", ""));
				sheet.row(List.of(support.msg("alarms.pages.report.col.date"),
						support.msg("alarms.pages.report.chart.alarms") + " / " + support.msg("alarms.pages.report.chart.within60")));
				for (MonthlyAlarmReport.Day d : r.days()) {
					sheet.row(List.of(d.date().toString(), d.alarms() + " / " + d.acknowledgedWithin60s()));
				}
			}
		});
	}

	/** The figures of the month in order, labelled (also the Excel rows). */
	Map<String, Object> figures(MonthlyAlarmReport r) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put(support.msg("alarms.pages.report.territory"), r.territoryName() + " (" + r.territoryCode() + ")");
		f.put(support.msg("alarms.pages.report.month"), r.month());
		f.put(support.msg("alarms.pages.report.alarms"), r.alarms());
		f.put(support.msg("alarms.pages.report.acknowledged"), r.acknowledged());
		f.put(support.msg("alarms.pages.report.arrived"), r.arrived());
		f.put(support.msg("alarms.pages.report.open"), r.stillOpen());
		f.put(support.msg("alarms.pages.report.within60"), r.acknowledgedWithin60s());
		f.put(support.msg("alarms.pages.report.within180"), r.acknowledgedWithin180s());
		f.put(support.msg("alarms.pages.report.medianAck"), r.medianSecondsToAcknowledge());
		f.put(support.msg("alarms.pages.report.p90Ack"), r.p90SecondsToAcknowledge());
		f.put(support.msg("alarms.pages.report.medianArrival"), r.medianSecondsToArrival());
		f.put(support.msg("alarms.pages.report.p90Arrival"), r.p90SecondsToArrival());
		f.put(support.msg("alarms.pages.report.escalated"), r.escalated());
		f.put(support.msg("alarms.pages.report.arrivalOverdue"), r.arrivalOverdue());
		r.outcomes().forEach((k, v) -> f.put(support.msg("alarms.pages.report.outcomes") + " · "
				+ support.msg("alarms.pages.outcome." + k.name()), v));
		r.kinds().forEach((k, v) -> f.put(support.msg("alarms.pages.report.kinds") + " · "
				+ support.msg("alarms.pages.kind." + k.name()), v));
		return f;
	}

	/** The caller's own node and its children: the areas the picker offers. */
	private List<TerritoryNode> areas(Actor actor) {
		List<TerritoryNode> list = new ArrayList<>();
		territories.lookup(actor.territoryId()).ifPresent(own -> {
			list.add(own);
			list.addAll(territories.children(own.code()));
		});
		return list;
	}

	private String chart(MonthlyAlarmReport r) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("days", r.days().stream().map(d -> d.date().getDayOfMonth() + "").toList());
		data.put("alarms", r.days().stream().map(MonthlyAlarmReport.Day::alarms).toList());
		data.put("within60", r.days().stream().map(MonthlyAlarmReport.Day::acknowledgedWithin60s).toList());
		data.put("labels", Map.of("alarms", support.msg("alarms.pages.report.chart.alarms"), "within60",
				support.msg("alarms.pages.report.chart.within60")));
		return JSON.writeValueAsString(data);
	}

	static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return YearMonth.now(AlarmPagesSupport.ZONE);
		}
		try {
			YearMonth month = YearMonth.parse(value.strip());
			if (month.getYear() < 1900 || month.getYear() > 9999) {
				// a sign or five digits parse, but no report reaches that far
				throw new DateTimeParseException("out of range", value, 0);
			}
			return month;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
