package org.jinlin.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Downloadable import templates: a data sheet with the header row and one example row, and a notes
 * sheet describing each column (required or not, accepted format, notes).
 */
public final class SpreadsheetTemplates {

	private SpreadsheetTemplates() {
	}

	public static byte[] xlsx(SpreadsheetSchema schema, String sheetName, SpreadsheetMessages m) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			write(schema, sheetName, m, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static void write(SpreadsheetSchema schema, String sheetName, SpreadsheetMessages m, OutputStream out)
			throws IOException {
		Workbook wb = new Workbook(new XlsxExport.NonClosing(out), XlsxExport.APPLICATION, XlsxExport.VERSION);
		Worksheet data = wb.newWorksheet(XlsxExport.safeSheetName(sheetName));
		List<String> example = new ArrayList<>();
		for (Column<?> c : schema.columns()) {
			example.add(c.example() == null ? "" : c.example());
		}
		XlsxExport.writeSheet(data, schema.headers(m), List.<List<?>>of(example).iterator());
		// Every template cell is text, so codes and ID numbers keep their leading zeros and digits.
		for (int c = 0; c < schema.columns().size(); c++) {
			data.range(1, c, 1, c).style().format("@").set();
		}
		Worksheet notes = wb.newWorksheet(XlsxExport.safeSheetName(m.get("imports.template.notesSheet")));
		List<List<?>> rows = new ArrayList<>();
		for (Column<?> c : schema.columns()) {
			rows.add(Arrays.asList(c.header(m), c.isRequired() ? m.get("imports.template.yes") : m.get("imports.template.no"),
					c.parser().describe(m), c.note(m)));
		}
		rows.add(List.of());
		rows.add(List.of(m.get("imports.template.hint")));
		XlsxExport.writeSheet(notes, List.of(m.get("imports.template.column"), m.get("imports.template.required"),
				m.get("imports.template.format"), m.get("imports.template.note")), rows.iterator());
		notes.width(2, 40);
		notes.width(3, 50);
		wb.finish();
	}
}
