package org.jinlin.shared.spreadsheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Push-style streaming export of one sheet, for sources that call back row by row
 * ({@code service.export(query, writer::row)}); see {@link XlsxExport} for iterators and streams.
 * {@link #close()} finishes the workbook but leaves {@code out} open.
 */
public final class XlsxSheetWriter implements Closeable {

	private final Workbook workbook;

	private final Worksheet sheet;

	private int next = 1;

	public XlsxSheetWriter(OutputStream out, String sheetName, List<String> headers) {
		this.workbook = new Workbook(new XlsxExport.NonClosing(out), XlsxExport.APPLICATION, XlsxExport.VERSION);
		this.sheet = workbook.newWorksheet(XlsxExport.safeSheetName(sheetName));
		try {
			XlsxExport.writeSheet(sheet, headers, java.util.Collections.emptyIterator());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Appends a row (values as in {@link XlsxExport}). */
	public void row(List<?> values) {
		for (int c = 0; c < values.size(); c++) {
			XlsxExport.cell(sheet, next, c, values.get(c));
		}
		if (next++ % 1000 == 0) {
			try {
				sheet.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/** Data rows written so far. */
	public int rows() {
		return next - 1;
	}

	@Override
	public void close() throws IOException {
		workbook.finish();
	}
}
