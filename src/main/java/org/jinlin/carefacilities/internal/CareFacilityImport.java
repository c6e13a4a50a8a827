package org.jinlin.carefacilities.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityRegistered;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.ImportErrors;
import org.jinlin.shared.spreadsheet.ImportHandler;
import org.jinlin.shared.spreadsheet.SheetRow;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Imports facilities from a spreadsheet, all or nothing: every row is checked with the same rules as the
 * form and the API ({@link CareCareFacilityValidation}), each problem reported with its row and column; names must
 * be unique within a node across the file. Only if no row has an error is anything written, in one
 * transaction, each facility publishing {@link FacilityRegistered}.
 */
@RequiredArgsConstructor
class CareFacilityImport implements ImportHandler<CareFacilityRepository.Values> {

	static final String KIND = "care-facilities";

	private static final Map<String, Column<?>> COLUMNS = Map.ofEntries(Map.entry("name", CareFacilitySheet.NAME),
			Map.entry("kind", CareFacilitySheet.KIND), Map.entry("territoryCode", CareFacilitySheet.TERRITORY),
			Map.entry("address", CareFacilitySheet.ADDRESS), Map.entry("latitude", CareFacilitySheet.LATITUDE),
			Map.entry("longitude", CareFacilitySheet.LONGITUDE), Map.entry("operator", CareFacilitySheet.OPERATOR),
			Map.entry("services", CareFacilitySheet.SERVICES), Map.entry("bedsTotal", CareFacilitySheet.BEDS_TOTAL),
			Map.entry("bedsOccupied", CareFacilitySheet.BEDS_OCCUPIED), Map.entry("familyCareBeds", CareFacilitySheet.FAMILY_CARE_BEDS),
			Map.entry("inclusiveBeds", CareFacilitySheet.INCLUSIVE_BEDS), Map.entry("status", CareFacilitySheet.STATUS),
			Map.entry("servedAreaCodes", CareFacilitySheet.SERVED));

	private final CareFacilityRepository repository;

	private final CareFacilityValidation validation;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	private final Actor actor;

	private final Locale locale;

	private final Map<String, Integer> firstRowOfName = new HashMap<>();

	@Override
	public SpreadsheetSchema schema() {
		return CareFacilitySheet.SCHEMA;
	}

	@Override
	public CareFacilityRepository.Values row(SheetRow row, ImportErrors errors) {
		int n = row.number();
		FacilityKind kind = row.get(CareFacilitySheet.KIND);
		FacilityStatus status = row.get(CareFacilitySheet.STATUS);
		CareFacilityDraft draft = new CareFacilityDraft(row.get(CareFacilitySheet.NAME), kind == null ? null : kind.name(),
				row.get(CareFacilitySheet.TERRITORY), row.get(CareFacilitySheet.ADDRESS), dbl(row.get(CareFacilitySheet.LATITUDE)),
				dbl(row.get(CareFacilitySheet.LONGITUDE)), row.get(CareFacilitySheet.OPERATOR),
				java.util.Set.copyOf(CareFacilitySheet.services(row.get(CareFacilitySheet.SERVICES))),
				integer(row.get(CareFacilitySheet.BEDS_TOTAL)), integer(row.get(CareFacilitySheet.BEDS_OCCUPIED)),
				integer(row.get(CareFacilitySheet.FAMILY_CARE_BEDS)), integer(row.get(CareFacilitySheet.INCLUSIVE_BEDS)),
				status == null ? null : status.name(), CareFacilitySheet.codes(row.get(CareFacilitySheet.SERVED)), null);
		CareFacilityValidation.Outcome outcome = validation.check(draft, actor);
		for (FieldError p : outcome.problems()) {
			Column<?> column = COLUMNS.getOrDefault(p.field(), CareFacilitySheet.NAME);
			errors.reject(n, column, row.text(column), fieldErrors.message(locale, p.code(), p.args()));
		}
		if (!outcome.valid()) {
			return null;
		}
		String key = outcome.values().territory().id() + "\u0000" + outcome.values().name();
		Integer first = firstRowOfName.putIfAbsent(key, n);
		if (first != null) {
			errors.reject(n, CareFacilitySheet.NAME, row.text(CareFacilitySheet.NAME),
					fieldErrors.message(locale, "carefacilities.import.duplicateInFile", first));
			return null;
		}
		return outcome.values();
	}

	@Override
	public void write(List<CareFacilityRepository.Values> all) {
		for (CareFacilityRepository.Values v : all) {
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
