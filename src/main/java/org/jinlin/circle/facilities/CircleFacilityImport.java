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
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Imports registry facilities, all or nothing, with the shared import jobs: every row is checked with the same rules
 * as the form and the API ({@link CircleFacilityChecks}), each problem reported with its row and column; coordinates are
 * converted from the coordinate system chosen for the file. Names must be unique per category and territory across
 * the file. Only if no row has an error is anything written, in one transaction, publishing one
 * {@link FacilitiesChanged}.
 * <p>
 * For GeoJSON ({@link GeoJsonFacilities}) the features arrive as a CSV of text cells: then the cells are parsed here
 * and errors name the feature number as the row and the property name as the column.
 */
class CircleFacilityImport implements ImportHandler<CircleFacilityRepository.Values> {

	static final String KIND = "circle-facilities";

	private final CircleFacilityRepository store;

	private final CircleFacilityChecks.Context context;

	private final CircleFacilityChecks checks;

	private final FieldErrors messages;

	private final ApplicationEventPublisher events;

	private final CoordinateSystem crs;

	private final Locale locale;

	private final boolean geoJson;

	private final Map<String, Integer> firstRowOfName = new HashMap<>();

	CircleFacilityImport(CircleFacilityRepository store, CircleFacilityChecks checks, CircleFacilityChecks.Context context, FieldErrors messages,
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
		return geoJson ? GeoJsonFacilities.SCHEMA : CircleFacilitySheet.SCHEMA;
	}

	@Override
	public CircleFacilityRepository.Values row(SheetRow row, ImportErrors errors) {
		return geoJson ? geoJsonRow(row, errors) : sheetRow(row, errors);
	}

	private CircleFacilityRepository.Values sheetRow(SheetRow row, ImportErrors errors) {
		int n = row.number();
		CircleFacilityDraft draft = new CircleFacilityDraft(row.get(CircleFacilitySheet.NAME), row.get(CircleFacilitySheet.CATEGORY),
				row.get(CircleFacilitySheet.ADDRESS), dbl(row.get(CircleFacilitySheet.LATITUDE)), dbl(row.get(CircleFacilitySheet.LONGITUDE)),
				crs.name(), row.get(CircleFacilitySheet.TERRITORY), row.get(CircleFacilitySheet.OPERATOR), row.get(CircleFacilitySheet.PHONE),
				row.get(CircleFacilitySheet.HOURS), row.get(CircleFacilitySheet.STATUS), null);
		CircleFacilityChecks.Outcome outcome = checks.check(draft, context);
		for (FieldError p : outcome.problems()) {
			Column<?> column = CircleFacilitySheet.BY_FIELD.getOrDefault(p.field(), CircleFacilitySheet.NAME);
			errors.reject(n, column, row.text(column), messages.message(locale, p.code(), p.args()));
		}
		if (!outcome.valid()) {
			return null;
		}
		return unique(outcome.values(), n, errors, (reason) -> errors.reject(n, CircleFacilitySheet.NAME,
				row.text(CircleFacilitySheet.NAME), reason));
	}

	/** GeoJSON: feature number = CSV row - 1; columns are the feature's property names. */
	private CircleFacilityRepository.Values geoJsonRow(SheetRow row, ImportErrors errors) {
		int feature = row.number() - 1;
		int before = errors.count();
		String geometryError = row.get(GeoJsonFacilities.GEOMETRY_ERROR);
		if (geometryError != null) {
			errors.add(new ImportError(feature, "geometry", "geometry", "", messages.message(locale, geometryError)));
		}
		String[] values = new String[CircleFacilitySheet.columns().size()];
		Object[] parsed = new Object[values.length];
		for (int i = 0; i < values.length; i++) {
			Column<?> c = CircleFacilitySheet.columns().get(i);
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
		List<Column<?>> cols = CircleFacilitySheet.columns();
		CircleFacilityDraft draft = new CircleFacilityDraft((String) parsed[0], (String) parsed[1], (String) parsed[2],
				dbl((BigDecimal) parsed[3]), dbl((BigDecimal) parsed[4]), crs.name(), (String) parsed[5], (String) parsed[6],
				(String) parsed[7], (String) parsed[8], (String) parsed[9], null);
		CircleFacilityChecks.Outcome outcome = checks.check(draft, context);
		for (FieldError p : outcome.problems()) {
			Column<?> c = CircleFacilitySheet.BY_FIELD.getOrDefault(p.field(), CircleFacilitySheet.NAME);
			String property = c == CircleFacilitySheet.LATITUDE || c == CircleFacilitySheet.LONGITUDE ? "geometry" : c.key();
			errors.add(new ImportError(feature, property, property, c.reportValue(values[cols.indexOf(c)]),
					messages.message(locale, p.code(), p.args())));
		}
		if (!outcome.valid()) {
			return null;
		}
		return unique(outcome.values(), feature, errors, reason -> errors
			.add(new ImportError(feature, "name", "name", values[0], reason)));
	}

	private CircleFacilityRepository.Values unique(CircleFacilityRepository.Values v, int n, ImportErrors errors,
			java.util.function.Consumer<String> reject) {
		String key = v.territory().id() + "\u0000" + v.category() + "\u0000" + v.name();
		Integer first = firstRowOfName.putIfAbsent(key, n);
		if (first != null) {
			reject.accept(messages.message(locale, "circlefacilities.import.duplicateInFile", first));
			return null;
		}
		return v;
	}

	@Override
	public void write(List<CircleFacilityRepository.Values> all) {
		for (CircleFacilityRepository.Values v : all) {
			store.insert(v, CircleFacilityRepository.Origin.IMPORT, null, context.actor.name());
		}
		events.publishEvent(new FacilitiesChanged("import of " + all.size() + " facilities"));
	}

	private static Double dbl(BigDecimal d) {
		return d == null ? null : d.doubleValue();
	}
}
