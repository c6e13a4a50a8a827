package org.jinlin.party.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Excel export of the organisation list of the caller's jurisdiction (secretary phones masked). */
@Service
@RequiredArgsConstructor
public class PartyExport {

	private final PartyDirectory directory;

	private final MessageSource messages;

	/** 403 for non-staff, 404 for a territory outside the jurisdiction; before the response starts. */
	public void check(String territory) {
		directory.node(PartyAccess.requireReader(), territory);
	}

	@Transactional(readOnly = true)
	public void write(String territory, String kind, String q, OutputStream out) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> headers = List.of("name", "kind", "community", "territory", "secretary", "cadre", "phone", "members",
				"compounds").stream().map(h -> msg("party.export." + h, locale)).toList();
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out, msg("party.export.sheet", locale), headers)) {
			directory.each(territory, kind, q, r -> sheet.row(Arrays.asList(r.name(),
					msg("party.kind." + r.kind().name(), locale), r.communityName(), r.territoryName(), r.secretaryName(),
					msg("party.cadre." + r.secretaryCadre(), locale), r.secretaryPhone(), r.memberCount(),
					r.compoundCount())));
		}
	}

	private String msg(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}
}
