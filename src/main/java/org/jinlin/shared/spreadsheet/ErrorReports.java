package org.jinlin.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The downloadable error report of a failed import: one line per error with row, column letter,
 * column header, value (already masked for personal columns) and reason. Values that Excel would
 * read as formulas are written as text.
 */
public final class ErrorReports {

	private ErrorReports() {
	}

	public static List<String> headers(SpreadsheetMessages m) {
		return List.of(m.get("imports.report.row"), m.get("imports.report.column"), m.get("imports.report.header"),
				m.get("imports.report.value"), m.get("imports.report.reason"));
	}

	/** The report as {@code .xlsx} bytes. */
	public static byte[] xlsx(List<ImportError> errors, int totalErrors, SpreadsheetMessages m) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writeXlsx(errors, totalErrors, m, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static void writeXlsx(List<ImportError> errors, int totalErrors, SpreadsheetMessages m, OutputStream out)
			throws IOException {
		java.util.ArrayList<List<?>> rows = new java.util.ArrayList<>(errors.size() + 1);
		for (ImportError e : errors) {
			rows.add(java.util.Arrays.asList(e.row() == 0 ? null : e.row(), e.column(), e.header(), e.value(), e.reason()));
		}
		if (totalErrors > errors.size()) {
			rows.add(java.util.Arrays.asList(null, "", "", "", m.get("imports.report.more", totalErrors - errors.size())));
		}
		XlsxExport.write(out, m.get("imports.report.sheet"), headers(m), rows.iterator());
	}

	/** The report as CSV in UTF-8 with a BOM, so that Excel opens it with the right encoding. */
	public static byte[] csv(List<ImportError> errors, int totalErrors, SpreadsheetMessages m) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
				p.printRecord(headers(m));
				for (ImportError e : errors) {
					p.printRecord(e.row() == 0 ? "" : Integer.toString(e.row()), e.column(), csvSafe(e.header()),
							csvSafe(e.value()), csvSafe(e.reason()));
				}
				if (totalErrors > errors.size()) {
					p.printRecord("", "", "", "", m.get("imports.report.more", totalErrors - errors.size()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Guards against CSV formula injection: a leading {@code = + - @} is prefixed with an apostrophe. */
	static String csvSafe(String s) {
		if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s;
	}

	/** Reads back the errors of an {@code .xlsx} report (used to offer the stored report as CSV too). */
	public static List<ImportError> read(byte[] xlsx, SpreadsheetMessages m) {
		java.util.ArrayList<ImportError> list = new java.util.ArrayList<>();
		try (SpreadsheetReader r = SpreadsheetReader.open("report.xlsx", xlsx,
				new ImportLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 0), m)) {
			while (r.hasNext()) {
				RawRow row = r.next();
				String n = row.cell(0);
				list.add(new ImportError(n.isEmpty() ? 0 : Integer.parseInt(n), row.cell(1), row.cell(2), row.cell(3),
						row.cell(4)));
			}
		}
		return list;
	}
}
