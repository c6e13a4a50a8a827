package org.jinlin.circle.facilities;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel export of the facility list (staff, their jurisdiction), in the import layout (WGS-84 coordinates) so it
 * can be re-imported; phones are masked as in every list.
 */
@Service("circleFacilityExport")
class FacilityExport {

	private final FacilityStore store;

	private final FacilityRegistry registry;

	private final Messages messages;

	FacilityExport(FacilityStore store, FacilityRegistry registry, Messages messages) {
		this.store = store;
		this.registry = registry;
		this.messages = messages;
	}

	/** 403 for non-staff, 404 for a territory outside the jurisdiction; before the response starts. */
	void check(FacilityRegistry.Query q) {
		registry.filter(Access.reader(), q);
	}

	@Transactional(readOnly = true)
	void write(FacilityRegistry.Query q, OutputStream out) throws IOException {
		Actor actor = Access.reader();
		FacilityStore.Filter f = registry.filter(actor, q);
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages m = SpreadsheetMessages.of(locale);
		List<FacilityStore.Stored> rows = new ArrayList<>();
		store.stream(f, rows::add);
		List<FacilityView> views = registry.views(rows, true);
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, messages.get(locale, "circlefacilities.import.sheet"),
				FacilitySheet.SCHEMA.headers(m))) {
			for (FacilityView v : views) {
				sheet.row(Arrays.asList(v.name(), v.categoryName(), v.address(), v.latitude(), v.longitude(),
						v.territoryCode(), v.operator(), v.phone(), v.openingHours(),
						messages.get(locale, "circlefacilities.status." + v.status())));
			}
		}
	}
}
