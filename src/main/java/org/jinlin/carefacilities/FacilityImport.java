package org.jinlin.carefacilities;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.ImportErrors;
import org.jinlin.shared.spreadsheet.ImportHandler;
import org.jinlin.shared.spreadsheet.SheetRow;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Imports facilities from a spreadsheet, all or nothing: every row is checked with the same rules as the
 * form and the API ({@link FacilityValidation}), each problem reported with its row and column; names must
 * be unique within a node across the file. Only if no row has an error is anything written, in one
 * transaction, each facility publishing {@link FacilityRegistered}.
 */
class FacilityImport implements ImportHandler<FacilityRepository.Values> {

	static final String KIND = "care-facilities";

	private static final Map<String, Column<?>> COLUMNS = Map.ofEntries(Map.entry("name", FacilitySheet.NAME),
			Map.entry("kind", FacilitySheet.KIND), Map.entry("territoryCode", FacilitySheet.TERRITORY),
			Map.entry("address", FacilitySheet.ADDRESS), Map.entry("latitude", FacilitySheet.LATITUDE),
			Map.entry("longitude", FacilitySheet.LONGITUDE), Map.entry("operator", FacilitySheet.OPERATOR),
			Map.entry("services", FacilitySheet.SERVICES), Map.entry("bedsTotal", FacilitySheet.BEDS_TOTAL),
			Map.entry("bedsOccupied", FacilitySheet.BEDS_OCCUPIED), Map.entry("familyCareBeds", FacilitySheet.FAMILY_CARE_BEDS),
			Map.entry("inclusiveBeds", FacilitySheet.INCLUSIVE_BEDS), Map.entry("status", FacilitySheet.STATUS),
			Map.entry("servedAreaCodes", FacilitySheet.SERVED));

	private final FacilityRepository repository;

	private final FacilityValidation validation;

	private final ApplicationEventPublisher events;

	private final Actor actor;

	private final Locale locale;

	private final Map<String, Integer> firstRowOfName = new HashMap<>();

	FacilityImport(FacilityRepository repository, FacilityValidation validation, ApplicationEventPublisher events,
			Actor actor, Locale locale) {
		this.repository = repository;
		this.validation = validation;
		this.events = events;
		this.actor = actor;
		this.locale = locale;
	}

	@Override
	public SpreadsheetSchema schema() {
		return FacilitySheet.SCHEMA;
	}

	@Override
	public FacilityRepository.Values row(SheetRow row, ImportErrors errors) {
		int n = row.number();
		FacilityKind kind = row.get(FacilitySheet.KIND);
		FacilityStatus status = row.get(FacilitySheet.STATUS);
		FacilityDraft draft = new FacilityDraft(row.get(FacilitySheet.NAME), kind == null ? null : kind.name(),
				row.get(FacilitySheet.TERRITORY), row.get(FacilitySheet.ADDRESS), dbl(row.get(FacilitySheet.LATITUDE)),
				dbl(row.get(FacilitySheet.LONGITUDE)), row.get(FacilitySheet.OPERATOR),
				java.util.Set.copyOf(FacilitySheet.services(row.get(FacilitySheet.SERVICES))),
				integer(row.get(FacilitySheet.BEDS_TOTAL)), integer(row.get(FacilitySheet.BEDS_OCCUPIED)),
				integer(row.get(FacilitySheet.FAMILY_CARE_BEDS)), integer(row.get(FacilitySheet.INCLUSIVE_BEDS)),
				status == null ? null : status.name(), FacilitySheet.codes(row.get(FacilitySheet.SERVED)), null);
		FacilityValidation.Outcome outcome = validation.check(draft, actor);
		for (FacilityValidation.Problem p : outcome.problems()) {
			Column<?> column = COLUMNS.getOrDefault(p.field(), FacilitySheet.NAME);
			errors.reject(n, column, row.text(column), validation.message(locale, p.code(), p.args()));
		}
		if (!outcome.valid()) {
			return null;
		}
		String key = outcome.values().territory().id() + "\u0000" + outcome.values().name();
		Integer first = firstRowOfName.putIfAbsent(key, n);
		if (first != null) {
			errors.reject(n, FacilitySheet.NAME, row.text(FacilitySheet.NAME),
					validation.message(locale, "carefacilities.import.duplicateInFile", first));
			return null;
		}
		return outcome.values();
	}

	@Override
	public void write(List<FacilityRepository.Values> all) {
		for (FacilityRepository.Values v : all) {
			long id = repository.insert(v, actor.name());
			events.publishEvent(new FacilityRegistered(id, v.kind(), v.territory().id(), v.territory().path(), v.latitude(),
					v.longitude(), v.status()));
		}
	}

	private static Double dbl(BigDecimal d) {
		return d == null ? null : d.doubleValue();
	}

	private static Integer integer(Long l) {
		return l == null ? null : l.intValue();
	}
}
