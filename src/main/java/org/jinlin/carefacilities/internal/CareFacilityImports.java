package org.jinlin.carefacilities.internal;

import java.util.List;
import java.util.Locale;

import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.ImportJobs;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetTemplates;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/** Starts care-facility imports (shared import jobs) as the current writer; the import template. */
@Service
public class CareFacilityImports {

	private final CareFacilityRepository repository;

	private final CareFacilityValidation validation;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	private final ImportJobs jobs;

	CareFacilityImports(CareFacilityRepository repository, Territories territories, FieldErrors fieldErrors,
			ApplicationEventPublisher events, ImportJobs jobs) {
		this.repository = repository;
		this.validation = new CareFacilityValidation(territories::lookupByCode);
		this.fieldErrors = fieldErrors;
		this.events = events;
		this.jobs = jobs;
	}

	public ImportJob start(String fileName, byte[] bytes, boolean dryRun) {
		Actor actor = CareFacilityAccess.writer();
		Locale locale = LocaleContextHolder.getLocale();
		return jobs.start(CareFacilityImport.KIND, fileName, bytes,
				new CareFacilityImport(repository, validation, fieldErrors, events, actor, locale), dryRun);
	}

	public List<ImportJob> recent() {
		CareFacilityAccess.writer();
		return jobs.recent(CareFacilityImport.KIND, 10);
	}

	public byte[] template() {
		CareFacilityAccess.writer();
		Locale locale = LocaleContextHolder.getLocale();
		return SpreadsheetTemplates.xlsx(CareFacilitySheet.SCHEMA,
				fieldErrors.message(locale, "carefacilities.import.sheet"), SpreadsheetMessages.of(locale));
	}
}
