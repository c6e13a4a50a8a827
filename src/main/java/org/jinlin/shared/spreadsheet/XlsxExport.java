package org.jinlin.shared.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes rows as an {@code .xlsx} workbook with a bold, frozen header row, streaming (fastexcel):
 * rows are flushed as they are written, so an export of any size needs little memory.
 * Cell values may be {@code null}, {@link String}, {@link Number}, {@link Boolean}, {@link LocalDate},
 * {@link LocalDateTime}, {@link OffsetDateTime}, {@link ZonedDateTime} or anything else (written with
 * {@code toString()}).
 */
public final class XlsxExport {

	static final String APPLICATION = "Jinlin";

	static final String VERSION = "1.0";

	private XlsxExport() {
	}

	/** Writes one sheet; returns the number of data rows written. Does not close {@code out}. */
	public static long write(OutputStream out, String sheetName, List<String> headers, Iterator<? extends List<?>> rows)
			throws IOException {
		Workbook wb = new Workbook(new NonClosing(out), APPLICATION, VERSION);
		Worksheet ws = wb.newWorksheet(safeSheetName(sheetName));
		long n = writeSheet(ws, headers, rows);
		wb.finish();
		return n;
	}

	/** Writes one sheet from a stream (which is closed afterwards). */
	public static long write(OutputStream out, String sheetName, List<String> headers, Stream<? extends List<?>> rows)
			throws IOException {
		try (rows) {
			return write(out, sheetName, headers, rows.iterator());
		}
	}

	static long writeSheet(Worksheet ws, List<String> headers, Iterator<? extends List<?>> rows) throws IOException {
		for (int c = 0; c < headers.size(); c++) {
			ws.value(0, c, headers.get(c));
			ws.width(c, Math.max(10, Math.min(40, headers.get(c).length() * 2.5 + 4)));
		}
		ws.range(0, 0, 0, Math.max(0, headers.size() - 1)).style().bold().fillColor("F2F2F2").set();
		ws.freezePane(0, 1);
		int r = 1;
		while (rows.hasNext()) {
			List<?> row = rows.next();
			for (int c = 0; c < row.size(); c++) {
				cell(ws, r, c, row.get(c));
			}
			if (r % 1000 == 0) {
				ws.flush();
			}
			r++;
		}
		return r - 1L;
	}

	static void cell(Worksheet ws, int r, int c, Object v) {
		if (v == null) {
			return;
		}
		if (v instanceof String s) {
			ws.value(r, c, s);
		}
		else if (v instanceof Number n) {
			ws.value(r, c, n);
		}
		else if (v instanceof Boolean b) {
			ws.value(r, c, b);
		}
		else if (v instanceof LocalDate d) {
			ws.value(r, c, d);
			ws.style(r, c).format("yyyy-mm-dd").set();
		}
		else if (v instanceof LocalDateTime d) {
			ws.value(r, c, d);
			ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
		}
		else if (v instanceof OffsetDateTime d) {
			ws.value(r, c, d.toZonedDateTime());
			ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
		}
		else if (v instanceof ZonedDateTime d) {
			ws.value(r, c, d);
			ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
		}
		else if (v instanceof TemporalAccessor t) {
			ws.value(r, c, t.toString());
		}
		else {
			ws.value(r, c, v.toString());
		}
	}

	/** Excel sheet names: at most 31 characters, none of {@code : \ / ? * [ ]}. */
	static String safeSheetName(String name) {
		String s = name == null || name.isBlank() ? "Sheet1" : name.replaceAll("[:\\\\/?*\\[\\]]", "_");
		return s.length() > 31 ? s.substring(0, 31) : s;
	}

	/** fastexcel closes the stream it writes to on finish; a servlet response must stay open for the container. */
	static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
