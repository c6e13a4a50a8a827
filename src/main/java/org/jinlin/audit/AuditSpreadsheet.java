package org.jinlin.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A small private .xlsx writer for the audit log (fastexcel, streaming). The generic export
 * engine in {@code shared.spreadsheet} was not available yet when this was written; switch to
 * it once it is.
 */
@Component
class AuditSpreadsheet {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AuditRepository.ZONE);

	static final String[] HEADERS = { "audit.col.time", "audit.col.actor", "audit.col.action", "audit.col.subjectType",
			"audit.col.subject", "audit.col.remote", "audit.col.detail" };

	private final MessageSource messages;

	AuditSpreadsheet(MessageSource messages) {
		this.messages = messages;
	}

	void write(OutputStream out, Consumer<Consumer<AuditEntry>> rows) throws IOException {
		var locale = LocaleContextHolder.getLocale();
		Workbook workbook = new Workbook(out, "Jinlin", "1.0");
		Worksheet sheet = workbook.newWorksheet(messages.getMessage("audit.title", null, "Audit", locale));
		for (int c = 0; c < HEADERS.length; c++) {
			sheet.value(0, c, messages.getMessage(HEADERS[c], null, HEADERS[c], locale));
			sheet.style(0, c).bold().set();
		}
		sheet.width(0, 20);
		sheet.width(6, 60);
		int[] row = { 1 };
		IOException[] failure = { null };
		rows.accept(e -> {
			int r = row[0]++;
			sheet.value(r, 0, TIME.format(e.occurredAt()));
			sheet.value(r, 1, e.actor());
			sheet.value(r, 2, messages.getMessage("audit.action." + e.action().name(), null, e.action().name(), locale));
			sheet.value(r, 3, e.subjectType());
			sheet.value(r, 4, e.subjectId());
			sheet.value(r, 5, e.remoteAddress());
			sheet.value(r, 6, e.detail());
			if (r % 1000 == 0 && failure[0] == null) {
				try {
					sheet.flush();
				}
				catch (IOException ex) {
					failure[0] = ex;
				}
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
		workbook.finish();
	}
}
