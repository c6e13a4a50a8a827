package org.jinlin.circle.facilities;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel export of the facility list (staff, their jurisdiction), in the import layout (WGS-84 coordinates) so it
 * can be re-imported; phones are masked as in every list.
 */
@Service("circleFacilityExport")
@RequiredArgsConstructor
class CircleFacilityExport {

	private final CircleFacilityRepository store;

	private final CircleFacilityRegistry registry;

	private final FieldErrors messages;

	/** 403 for non-staff, 404 for a territory outside the jurisdiction; before the response starts. */
	void check(CircleFacilityRegistry.Query q) {
		registry.filter(CircleFacilityAccess.reader(), q);
	}

	@Transactional(readOnly = true)
	void write(CircleFacilityRegistry.Query q, OutputStream out) throws IOException {
		Actor actor = CircleFacilityAccess.reader();
		CircleFacilityRepository.Filter f = registry.filter(actor, q);
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages m = SpreadsheetMessages.of(locale);
		List<CircleFacilityRepository.Stored> rows = new ArrayList<>();
		store.stream(f, rows::add);
		List<CircleFacilityView> views = registry.views(rows, true);
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, messages.message(locale, "circlefacilities.import.sheet"),
				CircleFacilitySheet.SCHEMA.headers(m))) {
			for (CircleFacilityView v : views) {
				sheet.row(Arrays.asList(v.name(), v.categoryName(), v.address(), v.latitude(), v.longitude(),
						v.territoryCode(), v.operator(), v.phone(), v.openingHours(),
						messages.message(locale, "circlefacilities.status." + v.status())));
			}
		}
	}
}
