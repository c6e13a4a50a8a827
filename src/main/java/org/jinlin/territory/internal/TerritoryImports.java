package org.jinlin.territory.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.ImportJobs;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetTemplates;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import and export of territory nodes. Importing is for administrators and city officials,
 * under their own jurisdiction; exporting is for staff, of their own subtree.
 */
@Service
@RequiredArgsConstructor
public class TerritoryImports {

	private final TerritoryRepository repository;

	private final ImportJobs jobs;

	private final MessageSource messages;

	/** The current actor if it may import, else 403. */
	public static Actor requireImporter() {
		return AccessRules.require(TerritoryAccess::importNodes, "Only administrators and city officials import territory");
	}

	public ImportJob start(String fileName, byte[] bytes, boolean dryRun) {
		Actor actor = requireImporter();
		Locale locale = LocaleContextHolder.getLocale();
		return jobs.start(TerritoryImport.KIND, fileName, bytes, new TerritoryImport(repository, actor, messages, locale),
				dryRun);
	}

	public List<ImportJob> recent() {
		requireImporter();
		return jobs.recent(TerritoryImport.KIND, 10);
	}

	public byte[] template() {
		requireImporter();
		SpreadsheetMessages m = SpreadsheetMessages.of(LocaleContextHolder.getLocale());
		return SpreadsheetTemplates.xlsx(TerritoryImport.SCHEMA, messages.getMessage("territory.import.sheet", null,
				"territory", LocaleContextHolder.getLocale()), m);
	}

	/** 403 unless the current actor may export (staff). */
	public void checkExport() {
		AccessRules.require(TerritoryAccess::browse, "Only staff export the territory");
	}

	/** The current actor's subtree, in the import format (so it can be edited and imported elsewhere). */
	@Transactional(readOnly = true)
	public void export(OutputStream out) throws IOException {
		Actor actor = AccessRules.require(TerritoryAccess::browse, "Only staff export the territory");
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages m = SpreadsheetMessages.of(locale);
		boolean english = m.english();
		List<List<?>> rows = new ArrayList<>();
		repository.streamUnder(actor.territoryPath(), (n, parentCode) -> rows.add(Arrays.asList(
				english ? TerritoryImport.english(n.level()) : TerritoryImport.chinese(n.level()), n.code(), parentCode,
				n.name(), n.rural() ? (english ? "yes" : "是") : (english ? "no" : "否"), n.latitude(), n.longitude(),
				n.population(), n.elderlyPopulation())));
		XlsxExport.write(out, messages.getMessage("territory.import.sheet", null, "territory", locale),
				TerritoryImport.SCHEMA.headers(m), rows.iterator());
	}
}
