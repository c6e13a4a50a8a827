package org.jinlin.circle.facilities;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jinlin.shared.spreadsheet.CellException;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.ImportError;
import org.jinlin.shared.spreadsheet.ImportErrors;
import org.jinlin.shared.spreadsheet.ImportHandler;
import org.jinlin.shared.spreadsheet.SheetRow;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Imports registry facilities, all or nothing, with the shared import jobs: every row is checked with the same rules
 * as the form and the API ({@link FacilityChecks}), each problem reported with its row and column; coordinates are
 * converted from the coordinate system chosen for the file. Names must be unique per category and territory across
 * the file. Only if no row has an error is anything written, in one transaction, publishing one
 * {@link FacilitiesChanged}.
 * <p>
 * For GeoJSON ({@link GeoJsonFacilities}) the features arrive as a CSV of text cells: then the cells are parsed here
 * and errors name the feature number as the row and the property name as the column.
 */
class FacilityImport implements ImportHandler<FacilityStore.Values> {

	static final String KIND = "circle-facilities";

	private final FacilityStore store;

	private final FacilityChecks.Context context;

	private final FacilityChecks checks;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final CoordinateSystem crs;

	private final Locale locale;

	private final boolean geoJson;

	private final Map<String, Integer> firstRowOfName = new HashMap<>();

	FacilityImport(FacilityStore store, FacilityChecks checks, FacilityChecks.Context context, Messages messages,
			ApplicationEventPublisher events, CoordinateSystem crs, Locale locale, boolean geoJson) {
		this.store = store;
		this.checks = checks;
		this.context = context;
		this.messages = messages;
		this.events = events;
		this.crs = crs;
		this.locale = locale;
		this.geoJson = geoJson;
	}

	@Override
	public SpreadsheetSchema schema() {
		return geoJson ? GeoJsonFacilities.SCHEMA : FacilitySheet.SCHEMA;
	}

	@Override
	public FacilityStore.Values row(SheetRow row, ImportErrors errors) {
		return geoJson ? geoJsonRow(row, errors) : sheetRow(row, errors);
	}

	private FacilityStore.Values sheetRow(SheetRow row, ImportErrors errors) {
		int n = row.number();
		FacilityDraft draft = new FacilityDraft(row.get(FacilitySheet.NAME), row.get(FacilitySheet.CATEGORY),
				row.get(FacilitySheet.ADDRESS), dbl(row.get(FacilitySheet.LATITUDE)), dbl(row.get(FacilitySheet.LONGITUDE)),
				crs.name(), row.get(FacilitySheet.TERRITORY), row.get(FacilitySheet.OPERATOR), row.get(FacilitySheet.PHONE),
				row.get(FacilitySheet.HOURS), row.get(FacilitySheet.STATUS), null);
		FacilityChecks.Outcome outcome = checks.check(draft, context);
		for (Messages.Problem p : outcome.problems()) {
			Column<?> column = FacilitySheet.BY_FIELD.getOrDefault(p.field(), FacilitySheet.NAME);
			errors.reject(n, column, row.text(column), messages.get(locale, p.code(), p.args()));
		}
		if (!outcome.valid()) {
			return null;
		}
		return unique(outcome.values(), n, errors, (reason) -> errors.reject(n, FacilitySheet.NAME,
				row.text(FacilitySheet.NAME), reason));
	}

	/** GeoJSON: feature number = CSV row - 1; columns are the feature's property names. */
	private FacilityStore.Values geoJsonRow(SheetRow row, ImportErrors errors) {
		int feature = row.number() - 1;
		int before = errors.count();
		String geometryError = row.get(GeoJsonFacilities.GEOMETRY_ERROR);
		if (geometryError != null) {
			errors.add(new ImportError(feature, "geometry", "geometry", "", messages.get(locale, geometryError)));
		}
		String[] values = new String[FacilitySheet.columns().size()];
		Object[] parsed = new Object[values.length];
		for (int i = 0; i < values.length; i++) {
			Column<?> c = FacilitySheet.columns().get(i);
			String text = row.text(GeoJsonFacilities.SCHEMA.columns().get(i));
			values[i] = text;
			if (text.isEmpty()) {
				if (c.isRequired()) {
					errors.add(new ImportError(feature, c.key(), c.key(), "",
							org.jinlin.shared.spreadsheet.SpreadsheetMessages.of(locale).get("imports.cell.required")));
				}
				continue;
			}
			try {
				parsed[i] = c.parser().parse(text);
			}
			catch (CellException e) {
				errors.add(new ImportError(feature, c.key(), c.key(), c.reportValue(text),
						e.reason(org.jinlin.shared.spreadsheet.SpreadsheetMessages.of(locale))));
			}
		}
		if (errors.count() != before) {
			return null;
		}
		List<Column<?>> cols = FacilitySheet.columns();
		FacilityDraft draft = new FacilityDraft((String) parsed[0], (String) parsed[1], (String) parsed[2],
				dbl((BigDecimal) parsed[3]), dbl((BigDecimal) parsed[4]), crs.name(), (String) parsed[5], (String) parsed[6],
				(String) parsed[7], (String) parsed[8], (String) parsed[9], null);
		FacilityChecks.Outcome outcome = checks.check(draft, context);
		for (Messages.Problem p : outcome.problems()) {
			Column<?> c = FacilitySheet.BY_FIELD.getOrDefault(p.field(), FacilitySheet.NAME);
			String property = c == FacilitySheet.LATITUDE || c == FacilitySheet.LONGITUDE ? "geometry" : c.key();
			errors.add(new ImportError(feature, property, property, c.reportValue(values[cols.indexOf(c)]),
					messages.get(locale, p.code(), p.args())));
		}
		if (!outcome.valid()) {
			return null;
		}
		return unique(outcome.values(), feature, errors, reason -> errors
			.add(new ImportError(feature, "name", "name", values[0], reason)));
	}

	private FacilityStore.Values unique(FacilityStore.Values v, int n, ImportErrors errors,
			java.util.function.Consumer<String> reject) {
		String key = v.territory().id() + "\u0000" + v.category() + "\u0000" + v.name();
		Integer first = firstRowOfName.putIfAbsent(key, n);
		if (first != null) {
			reject.accept(messages.get(locale, "circlefacilities.import.duplicateInFile", first));
			return null;
		}
		return v;
	}

	@Override
	public void write(List<FacilityStore.Values> all) {
		for (FacilityStore.Values v : all) {
			store.insert(v, FacilityStore.Origin.IMPORT, null, context.actor.name());
		}
		events.publishEvent(new FacilitiesChanged("import of " + all.size() + " facilities"));
	}

	private static Double dbl(BigDecimal d) {
		return d == null ? null : d.doubleValue();
	}
}
