package org.jinlin.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The audit log as .xlsx, on the shared streaming writer; column titles and actions in the caller's language. */
@Component
@RequiredArgsConstructor
class AuditSpreadsheet {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AuditRepository.ZONE);

	static final String[] HEADERS = { "audit.col.time", "audit.col.actor", "audit.col.action", "audit.col.subjectType",
			"audit.col.subject", "audit.col.remote", "audit.col.detail" };

	private final MessageSource messages;

	void write(OutputStream out, Consumer<Consumer<AuditEntry>> rows) throws IOException {
		var locale = LocaleContextHolder.getLocale();
		List<String> headers = Arrays.stream(HEADERS).map(h -> messages.getMessage(h, null, h, locale)).toList();
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out,
				messages.getMessage("audit.title", null, "Audit", locale), headers)) {
			rows.accept(e -> sheet.row(Arrays.asList(TIME.format(e.occurredAt()), e.actor(),
					messages.getMessage("audit.action." + e.action().name(), null, e.action().name(), locale),
					e.subjectType(), e.subjectId(), e.remoteAddress(), e.detail())));
		}
	}
}
