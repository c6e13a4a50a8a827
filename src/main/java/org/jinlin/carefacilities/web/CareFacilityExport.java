package org.jinlin.carefacilities.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.internal.CareFacilityQueries;
import org.jinlin.carefacilities.internal.CareFacilityQuery;
import org.jinlin.carefacilities.internal.CareFacilitySheet;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Excel export of the facility list (staff, of their jurisdiction), in the import layout so it can be re-imported. */
@Component
@RequiredArgsConstructor
class CareFacilityExport {

	private final CareFacilityQueries queries;

	private final FieldErrors messages;

	/** Checks access and the filter before the response starts (403, 404), then streams the sheet. */
	void download(CareFacilityQuery q, HttpServletResponse response) throws IOException {
		queries.checkExport(q);
		SpreadsheetDownloads.xlsx(response, "care-facilities.xlsx", out -> write(q, out));
	}

	private void write(CareFacilityQuery q, OutputStream out) throws IOException {
		List<CareFacility> rows = queries.all(q);
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages m = SpreadsheetMessages.of(locale);
		boolean en = m.english();
		String separator = en ? ", " : "、";
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, messages.message(locale, "carefacilities.sheet"),
				CareFacilitySheet.SCHEMA.headers(m))) {
			for (CareFacility r : rows) {
				String services = r.services().stream()
					.map(s -> en ? CareFacilitySheet.english(s) : CareFacilitySheet.SERVICE_ZH.get(s))
					.collect(Collectors.joining(separator));
				String areas = r.servedAreas().stream().map(CareFacility.ServedArea::code)
					.collect(Collectors.joining(separator));
				sheet.row(Arrays.asList(r.name(),
						en ? CareFacilitySheet.english(r.kind()) : CareFacilitySheet.KIND_ZH.get(r.kind()),
						r.territoryCode(), r.address(), r.latitude(), r.longitude(), r.operator(), services, r.bedsTotal(),
						r.bedsOccupied(), r.familyCareBeds(), r.inclusiveBeds(),
						en ? CareFacilitySheet.english(r.status()) : CareFacilitySheet.STATUS_ZH.get(r.status()), areas));
			}
		}
	}
}
