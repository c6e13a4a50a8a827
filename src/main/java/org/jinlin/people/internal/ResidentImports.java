package org.jinlin.people.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.Gender;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.ImportJobs;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetTemplates;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Bulk import of residents (grid workers, community workers and administrators, into buildings of
 * their jurisdiction) and export of the residents a staff member may see, masked.
 */
@Service
@RequiredArgsConstructor
public class ResidentImports {

	private final ResidentRegister register;

	private final ResidentRegistration registration;

	private final Territories territories;

	private final ImportJobs jobs;

	private final MessageSource messages;

	/** The current actor if it may import, else 403. */
	public static Actor requireImporter() {
		return ResidentAccess.requireWriter("Only grid workers, community workers and administrators import residents");
	}

	/** The current actor if it may export, else 403. */
	public static Actor requireExporter() {
		return AccessRules.require(ResidentAccess::staff, "Only staff export residents");
	}

	public ImportJob start(String fileName, byte[] bytes, boolean dryRun) {
		Actor actor = requireImporter();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Long> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, actor.territoryPath()).stream()
			.collect(Collectors.toMap(TerritoryNode::code, TerritoryNode::id, (a, b) -> a));
		String reason = messages.getMessage("people.import.reason", new Object[] { fileName },
				"Bulk import " + fileName, locale);
		if (reason.length() > ResidentWrites.REASON_MAX) {
			reason = reason.substring(0, ResidentWrites.REASON_MAX);
		}
		return jobs.start(ResidentImport.KIND, fileName, bytes,
				new ResidentImport(registration, actor, buildings, messages, locale, reason), dryRun);
	}

	public List<ImportJob> recent() {
		requireImporter();
		return jobs.recent(ResidentImport.KIND, 10);
	}

	public byte[] template() {
		requireImporter();
		Locale locale = LocaleContextHolder.getLocale();
		return SpreadsheetTemplates.xlsx(ResidentImport.SCHEMA,
				messages.getMessage("people.import.sheet", null, "residents", locale), SpreadsheetMessages.of(locale));
	}

	/**
	 * Every active resident in the current actor's jurisdiction, ID numbers and phones masked, in the
	 * column layout of the import (so the columns are familiar), plus the address.
	 */
	public void export(OutputStream out) throws IOException {
		Actor actor = requireExporter();
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages m = SpreadsheetMessages.of(locale);
		boolean english = m.english();
		List<String> headers = new java.util.ArrayList<>(List.of(ResidentImport.NAME.header(m),
				ResidentImport.GENDER.header(m), ResidentImport.BIRTH_DATE.header(m), ResidentImport.ID_NUMBER.header(m),
				ResidentImport.PHONE.header(m), ResidentImport.BUILDING.header(m),
				messages.getMessage("people.import.address", null, "Address", locale), ResidentImport.TAGS.header(m)));
		Map<Long, String> buildingCodes = new HashMap<>();
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out,
				messages.getMessage("people.import.sheet", null, "residents", locale), headers)) {
			register.export(actor, ResidentQuery.all(), r -> sheet.row(Arrays.asList(r.name(),
					english ? r.gender().name().toLowerCase(Locale.ROOT) : (r.gender() == Gender.MALE ? "男" : "女"),
					r.birthDate(), r.idNumberMasked(), r.phoneMasked(),
					buildingCodes.computeIfAbsent(r.buildingId(),
							id -> territories.lookup(id).map(TerritoryNode::code).orElse("")),
					r.addressLabel(),
					r.tags().stream().sorted().map(t -> english ? t.name() : ResidentImport.TAG_LABELS.get(t))
						.collect(Collectors.joining(english ? ";" : "、")))));
		}
	}
}
