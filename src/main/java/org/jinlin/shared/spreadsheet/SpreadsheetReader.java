package org.jinlin.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Streams the rows of the first sheet of an {@code .xlsx} file (fastexcel-reader) or of a {@code .csv}
 * file (commons-csv; UTF-8 with or without BOM, falling back to GB18030 when the bytes are not valid
 * UTF-8, as Excel on a Chinese Windows saves CSV in GBK). Row 1 is the {@link #header() header};
 * iterating yields the non-blank data rows with the row numbers the user sees in Excel.
 * Legacy {@code .xls} files are refused with a clear message.
 */
public final class SpreadsheetReader implements Iterator<RawRow>, Closeable {

	/** The detected file format. */
	public enum Format {
		XLSX, CSV
	}

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final Pattern DATE_FORMAT = Pattern.compile(".*[ydYD].*");

	private final Format format;

	private final Closeable resource;

	private final Iterator<RawRow> rows;

	private final List<String> header;

	private final int maxRows;

	private final SpreadsheetMessages messages;

	private RawRow next;

	private int dataRows;

	private SpreadsheetReader(Format format, Closeable resource, Iterator<RawRow> rows, int maxRows,
			SpreadsheetMessages messages) {
		this.format = format;
		this.resource = resource;
		this.rows = rows;
		this.maxRows = maxRows;
		this.messages = messages;
		RawRow first = rows.hasNext() ? rows.next() : null;
		if (first == null || first.isBlank() || first.number() != 1) {
			closeQuietly();
			throw new SpreadsheetException(messages.get("imports.file.noHeader"));
		}
		List<String> h = new ArrayList<>(first.cells());
		while (!h.isEmpty() && h.get(h.size() - 1).isEmpty()) {
			h.remove(h.size() - 1);
		}
		this.header = List.copyOf(h);
	}

	/**
	 * Opens a file; the format is recognized from its first bytes (and the name for CSV).
	 *
	 * @throws SpreadsheetException when the file is too large, empty, of an unsupported format or unreadable
	 */
	public static SpreadsheetReader open(String fileName, byte[] bytes, ImportLimits limits,
			SpreadsheetMessages messages) {
		if (bytes.length > limits.maxBytes()) {
			throw new SpreadsheetException(messages.get("imports.file.tooLarge", limits.maxBytes() / (1024 * 1024)));
		}
		if (bytes.length == 0) {
			throw new SpreadsheetException(messages.get("imports.file.empty"));
		}
		Format format = detect(fileName, bytes, messages);
		try {
			return format == Format.XLSX ? openXlsx(bytes, limits, messages) : openCsv(bytes, limits, messages);
		}
		catch (IOException | UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
			throw new SpreadsheetException(messages.get("imports.file.unreadable"));
		}
	}

	static Format detect(String fileName, byte[] bytes, SpreadsheetMessages messages) {
		byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 8));
		if (head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
			return Format.XLSX;
		}
		if (head.length == 8 && ReadableWorkbook.isOLE2Header(head)) {
			throw new SpreadsheetException(messages.get("imports.file.xls"));
		}
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			throw new SpreadsheetException(messages.get("imports.file.unreadable"));
		}
		if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
			return Format.CSV;
		}
		throw new SpreadsheetException(messages.get("imports.file.format"));
	}

	private static SpreadsheetReader openXlsx(byte[] bytes, ImportLimits limits, SpreadsheetMessages messages)
			throws IOException {
		ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
		Stream<Row> stream = wb.getFirstSheet().openStream();
		Iterator<Row> it = stream.iterator();
		Closeable close = () -> {
			stream.close();
			wb.close();
		};
		Iterator<RawRow> rows = new Iterator<>() {
			@Override
			public boolean hasNext() {
				return it.hasNext();
			}

			@Override
			public RawRow next() {
				Row row = it.next();
				List<String> cells = new ArrayList<>(row.getCellCount());
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(text(row.getCell(i)));
				}
				return new RawRow(row.getRowNum(), cells);
			}
		};
		return new SpreadsheetReader(Format.XLSX, close, rows, limits.maxRows(), messages);
	}

	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		String raw = cell.getRawValue();
		String s = switch (cell.getType()) {
			case EMPTY -> "";
			case STRING -> cell.getText();
			case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
			case NUMBER -> number(cell, raw);
			case FORMULA, ERROR -> raw == null ? cell.getText() : raw;
		};
		return s == null ? "" : s.strip();
	}

	private static String number(Cell cell, String raw) {
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		Integer formatId = cell.getDataFormatId();
		String format = cell.getDataFormatString();
		boolean date = (formatId != null && ((formatId >= 14 && formatId <= 22) || (formatId >= 45 && formatId <= 47)
				|| (formatId >= 27 && formatId <= 36) || (formatId >= 50 && formatId <= 58)))
				|| (format != null && DATE_FORMAT.matcher(format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "")).matches());
		try {
			if (date) {
				return cell.asDate().toLocalDate().toString();
			}
			return new BigDecimal(raw).stripTrailingZeros().toPlainString();
		}
		catch (RuntimeException e) {
			return raw;
		}
	}

	private static SpreadsheetReader openCsv(byte[] bytes, ImportLimits limits, SpreadsheetMessages messages)
			throws IOException {
		String content = decode(bytes);
		int firstLineEnd = content.indexOf('\n');
		String firstLine = firstLineEnd < 0 ? content : content.substring(0, firstLineEnd);
		char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf('\t') >= 0 ? '\t' : ',';
		CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		CSVParser parser = CSVParser.parse(new StringReader(content), fmt);
		Iterator<CSVRecord> it = parser.iterator();
		Iterator<RawRow> rows = new Iterator<>() {
			int line;

			@Override
			public boolean hasNext() {
				try {
					return it.hasNext();
				}
				catch (UncheckedIOException | IllegalStateException e) {
					throw new SpreadsheetException(messages.get("imports.file.csvBroken", line + 1));
				}
			}

			@Override
			public RawRow next() {
				CSVRecord r;
				try {
					r = it.next();
				}
				catch (UncheckedIOException | IllegalStateException e) {
					throw new SpreadsheetException(messages.get("imports.file.csvBroken", line + 1));
				}
				line = (int) r.getRecordNumber();
				List<String> cells = new ArrayList<>(r.size());
				for (String v : r) {
					cells.add(v == null ? "" : v.strip());
				}
				return new RawRow(line, cells);
			}
		};
		return new SpreadsheetReader(Format.CSV, parser, rows, limits.maxRows(), messages);
	}

	/** UTF-8 (a BOM is dropped); GB18030 when the bytes are not valid UTF-8. */
	static String decode(byte[] bytes) {
		int offset = 0;
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			offset = 3;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(bytes, GB18030);
		}
	}

	public Format format() {
		return format;
	}

	/** The header row (row 1), without trailing blank cells. */
	public List<String> header() {
		return header;
	}

	@Override
	public boolean hasNext() {
		while (next == null && rows.hasNext()) {
			RawRow r = rows.next();
			if (!r.isBlank()) {
				next = r;
			}
		}
		return next != null;
	}

	/**
	 * The next non-blank data row.
	 *
	 * @throws SpreadsheetException when the file has more data rows than allowed
	 */
	@Override
	public RawRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		RawRow r = next;
		next = null;
		if (++dataRows > maxRows) {
			throw new SpreadsheetException(messages.get("imports.file.tooManyRows", maxRows));
		}
		return r;
	}

	/** Counts the remaining data rows (consumes the reader). */
	public int countRemaining() {
		int n = 0;
		while (hasNext()) {
			next();
			n++;
		}
		return n;
	}

	@Override
	public void close() {
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			resource.close();
		}
		catch (IOException e) {
			// nothing to do for an in-memory file
		}
	}
}
