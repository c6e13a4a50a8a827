package org.jinlin.circle.facilities;

import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.ImportJobs;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetTemplates;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Starts facility imports (.xlsx, .csv, GeoJSON) as the current writer with the shared import jobs, in the
 * coordinate system chosen for the file.
 */
@Service("circleFacilityImports")
@RequiredArgsConstructor
class CircleFacilityImports {

	private final CircleFacilityRepository store;

	private final CircleFacilityChecks checks;

	private final FieldErrors messages;

	private final ApplicationEventPublisher events;

	private final ImportJobs jobs;

	/**
	 * @param coordinateSystem WGS84, GCJ02 or BD09 (blank: WGS84); 400 otherwise
	 * @throws ValidationFailedException (400) for an unknown coordinate system or a file that is not GeoJSON
	 */
	ImportJob start(String fileName, byte[] bytes, String coordinateSystem, boolean dryRun) {
		Actor actor = CircleFacilityAccess.writer();
		Locale locale = LocaleContextHolder.getLocale();
		CoordinateSystem crs = CoordinateSystem.WGS84;
		if (FieldErrors.trim(coordinateSystem) != null) {
			crs = CoordinateSystem.parse(coordinateSystem).orElseThrow(() -> ValidationFailedException
				.field("coordinateSystem", messages.message("circlefacilities.error.coordinateSystem")));
		}
		boolean geoJson = GeoJsonFacilities.isGeoJson(fileName);
		String name = fileName;
		byte[] content = bytes;
		if (geoJson) {
			if (bytes == null || bytes.length == 0) {
				throw ValidationFailedException.field("file", SpreadsheetMessages.of(locale).get("imports.file.empty"));
			}
			if (bytes.length > jobs.limits().maxBytes()) {
				throw ValidationFailedException.field("file",
						SpreadsheetMessages.of(locale).get("imports.file.tooLarge", jobs.limits().maxBytes() / (1024 * 1024)));
			}
			try {
				content = GeoJsonFacilities.toCsv(bytes);
			}
			catch (GeoJsonFacilities.NotGeoJson e) {
				throw ValidationFailedException.field("file", messages.message(e.getMessage()));
			}
			name = fileName + ".csv";
		}
		CircleFacilityImport handler = new CircleFacilityImport(store, checks, checks.context(actor), messages, events, crs, locale,
				geoJson);
		return jobs.start(CircleFacilityImport.KIND, name, content, handler, dryRun);
	}

	List<ImportJob> recent() {
		CircleFacilityAccess.writer();
		return jobs.recent(CircleFacilityImport.KIND, 10);
	}

	byte[] template() {
		CircleFacilityAccess.writer();
		Locale locale = LocaleContextHolder.getLocale();
		return SpreadsheetTemplates.xlsx(CircleFacilitySheet.SCHEMA, messages.message(locale, "circlefacilities.import.sheet"),
				SpreadsheetMessages.of(locale));
	}
}
