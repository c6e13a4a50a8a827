package org.jinlin.consultation.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.ConsultationFigures;
import org.jinlin.consultation.internal.FollowUpRating;
import org.jinlin.consultation.internal.TopicSource;
import org.jinlin.consultation.internal.TopicStatus;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff figures page of consultation in the account's (focused) jurisdiction: topics by source and stage, quorum
 * failures, time from topic to published result, satisfaction with results; each figure links to the topic list it
 * counts (the same filters), with a chart and an Excel download of the same figures.
 */
@Controller
@RequiredArgsConstructor
class ConsultationFigurePages {

	private final ConsultationFigures figures;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	/** One line of the figures as the table and the workbook show it: what, the number, the list it counts. */
	record Line(String figure, String detail, Number value, String href) {
	}

	@GetMapping("/consultation/figures")
	String page(Model model) {
		var report = figures.report(null);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("report", report);
		model.addAttribute("sources", TopicSource.values());
		model.addAttribute("statuses", TopicStatus.values());
		model.addAttribute("ratings", FollowUpRating.values());
		Map<String, Long> cells = new java.util.HashMap<>();
		report.figures().bySourceAndStatus().forEach((source, byStatus) -> byStatus
			.forEach((status, n) -> cells.put(source.name() + "/" + status.name(), n)));
		model.addAttribute("cells", cells);
		Map<FollowUpRating, Long> ratings = report.figures().satisfaction();
		model.addAttribute("rated", ratings.values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("satisfied", ratings.getOrDefault(FollowUpRating.SATISFIED, 0L)
				+ ratings.getOrDefault(FollowUpRating.BASICALLY_SATISFIED, 0L));
		model.addAttribute("chart", json.writeValueAsString(chart(report.figures(), locale)));
		return "consultation/figures";
	}

	@GetMapping("/consultation/figures/export.xlsx")
	void export(HttpServletResponse response) throws IOException {
		var report = figures.report(null);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = Arrays.asList(text("consultation.figures.col.figure", locale),
				text("consultation.figures.col.detail", locale), text("consultation.figures.col.value", locale),
				text("consultation.figures.col.list", locale));
		List<List<?>> rows = new ArrayList<>();
		for (Line l : lines(report.figures(), locale)) {
			rows.add(Arrays.asList(l.figure(), l.detail(), l.value(), l.href()));
		}
		SpreadsheetDownloads.xlsx(response, "consultation-" + report.node().code() + ".xlsx",
				out -> XlsxExport.write(out, report.node().name(), headers, rows.iterator()));
	}

	/** Every figure with the list it counts, in the page's order. */
	List<Line> lines(ConsultationFigures.Figures f, Locale locale) {
		List<Line> out = new ArrayList<>();
		String bySource = text("consultation.figures.bySource", locale);
		f.bySourceAndStatus().forEach((source, byStatus) -> byStatus.forEach((status, n) -> out.add(new Line(bySource,
				text("consultation.source." + source, locale) + " · " + text("consultation.status." + status, locale), n,
				"/consultation/topics?source=" + source + "&status=" + status))));
		String quorum = text("consultation.figures.quorumFailures", locale);
		out.add(new Line(quorum, text("consultation.figures.sittings", locale), f.quorumFailures(),
				"/consultation/topics?quorumFailed=true"));
		out.add(new Line(quorum, text("consultation.figures.topics", locale), f.topicsWithQuorumFailures(),
				"/consultation/topics?quorumFailed=true"));
		String time = text("consultation.figures.timeToResult", locale);
		String completed = "/consultation/topics?status=COMPLETED";
		out.add(new Line(time, text("consultation.figures.completed", locale), f.completed(), completed));
		out.add(new Line(time, text("consultation.figures.averageDays", locale), f.averageDaysToResult(), completed));
		out.add(new Line(time, text("consultation.figures.longestDays", locale), f.longestDaysToResult(), completed));
		String satisfaction = text("consultation.figures.satisfaction", locale);
		f.satisfaction().forEach((rating, n) -> out.add(new Line(satisfaction,
				text("consultation.rating." + rating, locale), n, completed)));
		return out;
	}

	private Map<String, Object> chart(ConsultationFigures.Figures f, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("sources", Arrays.stream(TopicSource.values()).map(s -> text("consultation.source." + s, locale)).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (TopicStatus status : TopicStatus.values()) {
			series.add(Map.of("name", text("consultation.status." + status, locale), "data",
					Arrays.stream(TopicSource.values())
						.map(s -> f.bySourceAndStatus().getOrDefault(s, Map.of()).getOrDefault(status, 0L))
						.toList()));
		}
		chart.put("statuses", series);
		chart.put("ratings", f.satisfaction().entrySet().stream()
			.map(e -> Map.<String, Object>of("name", text("consultation.rating." + e.getKey(), locale), "value", e.getValue()))
			.toList());
		return chart;
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}
}
