package org.jinlin.circle.facilities;

import java.util.List;
import java.util.Locale;

import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.ImportJobs;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetTemplates;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Starts facility imports (.xlsx, .csv, GeoJSON) as the current writer with the shared import jobs, in the
 * coordinate system chosen for the file.
 */
@Service("circleFacilityImports")
class FacilityImports {

	private final FacilityStore store;

	private final FacilityChecks checks;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private final ImportJobs jobs;

	FacilityImports(FacilityStore store, FacilityChecks checks, Messages messages, ApplicationEventPublisher events,
			ImportJobs jobs) {
		this.store = store;
		this.checks = checks;
		this.messages = messages;
		this.events = events;
		this.jobs = jobs;
	}

	/**
	 * @param coordinateSystem WGS84, GCJ02 or BD09 (blank: WGS84); 400 otherwise
	 * @throws ValidationFailedException (400) for an unknown coordinate system or a file that is not GeoJSON
	 */
	ImportJob start(String fileName, byte[] bytes, String coordinateSystem, boolean dryRun) {
		Actor actor = Access.writer();
		Locale locale = LocaleContextHolder.getLocale();
		CoordinateSystem crs = CoordinateSystem.WGS84;
		if (Messages.trim(coordinateSystem) != null) {
			crs = CoordinateSystem.parse(coordinateSystem).orElseThrow(() -> ValidationFailedException
				.field("coordinateSystem", messages.get("circlefacilities.error.coordinateSystem")));
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
				throw ValidationFailedException.field("file", messages.get(e.getMessage()));
			}
			name = fileName + ".csv";
		}
		FacilityImport handler = new FacilityImport(store, checks, checks.context(actor), messages, events, crs, locale,
				geoJson);
		return jobs.start(FacilityImport.KIND, name, content, handler, dryRun);
	}

	List<ImportJob> recent() {
		Access.writer();
		return jobs.recent(FacilityImport.KIND, 10);
	}

	byte[] template() {
		Access.writer();
		Locale locale = LocaleContextHolder.getLocale();
		return SpreadsheetTemplates.xlsx(FacilitySheet.SCHEMA, messages.get(locale, "circlefacilities.import.sheet"),
				SpreadsheetMessages.of(locale));
	}
}
