package org.jinlin.circle.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.XlsxExport;

/** Excel exports of the coverage of an area (itself, then each child area) and of its gaps. */
@Component
@RequiredArgsConstructor
class CircleExport {

	private final MessageSource messages;

	private final CircleReads reads;

	/** The coverage of an area as a download (the area is checked before the response starts). */
	void coverageXlsx(String territory, HttpServletResponse response) throws IOException {
		CircleViews.Coverage c = reads.coverage(territory);
		SpreadsheetDownloads.xlsx(response, "circle-coverage-" + c.area().code() + ".xlsx", out -> coverage(c, out));
	}

	/** The gaps of an area as a download. */
	void gapsXlsx(String territory, HttpServletResponse response) throws IOException {
		CircleViews.Gaps g = reads.gaps(territory);
		SpreadsheetDownloads.xlsx(response, "circle-gaps-" + g.area().code() + ".xlsx", out -> gaps(g, out));
	}

	void coverage(CircleViews.Coverage c, OutputStream out) throws IOException {
		List<String> headers = headers("code", "name", "communities", "covered", "rate", "population", "coveredPopulation",
				"weightedRate", "residentsRate", "ruralCommunities", "ruralCovered", "ruralRate");
		List<List<?>> rows = new ArrayList<>();
		rows.add(row(c.area()));
		c.children().forEach(a -> rows.add(row(a)));
		XlsxExport.write(out, msg("circle-pages.export.coverage.sheet"), headers, rows.iterator());
	}

	void gaps(CircleViews.Gaps g, OutputStream out) throws IOException {
		boolean zh = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
		List<String> headers = headers("code", "name", "parent", "rural", "population", "residentsRate", "missingCount",
				"missing");
		List<List<?>> rows = new ArrayList<>();
		for (CircleViews.Gap gap : g.communities()) {
			rows.add(java.util.Arrays.asList(gap.code(), gap.name(), gap.parentName(),
					msg(gap.rural() ? "circle-pages.rural.yes" : "circle-pages.rural.no"), gap.population(),
					percent(gap.residentsCoveredShare()), gap.missing().size(), gap.missing().stream()
						.map(CircleViews.Category::name)
						.collect(Collectors.joining(zh ? "、" : ", "))));
		}
		XlsxExport.write(out, msg("circle-pages.export.gaps.sheet"), headers, rows.iterator());
	}

	private List<?> row(CircleViews.Area a) {
		CircleViews.Rate r = a.rate();
		return java.util.Arrays.asList(a.code(), a.name(), r.communities(), r.covered(), percent(r.rate()), r.population(),
				r.coveredPopulation(), percent(r.weightedRate()), percent(r.residentsRate()), r.ruralCommunities(),
				r.ruralCovered(), percent(r.ruralRate()));
	}

	/** A share as a percentage with one decimal, or blank. */
	static java.math.BigDecimal percent(Double share) {
		return share == null ? null : java.math.BigDecimal.valueOf(share * 100).setScale(1, java.math.RoundingMode.HALF_UP);
	}

	private List<String> headers(String... keys) {
		List<String> h = new ArrayList<>();
		for (String k : keys) {
			h.add(msg("circle-pages.export.col." + k));
		}
		return h;
	}

	private String msg(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(code, null, code, locale);
	}
}
