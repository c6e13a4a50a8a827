package org.jinlin.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jinlin.shared.Masking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spreadsheet engine without Spring: reading, schema binding, row errors, reports, templates. */
class SpreadsheetEngineTests {

	enum Kind {
		A, B
	}

	static final Column<String> NAME = Column.of("name", "姓名", "Name", Cells.text(5)).required().example("张三");

	static final Column<Long> AGE = Column.of("age", "年龄", "Age", Cells.integer(0, 150)).example("70");

	static final Column<LocalDate> BIRTH = Column.of("birthDate", "出生日期", "Birth date", Cells.date()).example("1954-03-01");

	static final Column<String> ID = Column.of("idNumber", "身份证号", "ID number", Cells.text(18))
		.personal(Masking::idNumber).example("350102195403010012");

	static final Column<Kind> KIND = Column.of("kind", "类别", "Kind",
			Cells.enumerated(Kind.class, k -> k == Kind.A ? "甲" : "乙", k -> k.name().toLowerCase(Locale.ROOT))).example("甲");

	static final Column<Boolean> ALONE = Column.of("alone", "独居", "Living alone", Cells.bool()).example("是");

	static final Column<BigDecimal> LAT = Column.of("lat", "纬度", "Latitude",
			Cells.decimal(BigDecimal.valueOf(-90), BigDecimal.valueOf(90))).example("26.08");

	static final SpreadsheetSchema SCHEMA = SpreadsheetSchema.of(NAME, AGE, BIRTH, ID, KIND, ALONE, LAT);

	static final SpreadsheetMessages ZH = SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE);

	static final SpreadsheetMessages EN = SpreadsheetMessages.of(Locale.ENGLISH);

	/** Reads every row, returning the parsed rows and the collected errors. */
	static Result read(String fileName, byte[] bytes, SpreadsheetMessages m) {
		try (SpreadsheetReader reader = SpreadsheetReader.open(fileName, bytes, ImportLimits.DEFAULT, m)) {
			BoundSheet sheet = SCHEMA.bind(reader.header(), m);
			ImportErrors errors = new ImportErrors(sheet, 100);
			List<SheetRow> rows = new ArrayList<>();
			while (reader.hasNext()) {
				rows.add(sheet.parse(reader.next(), errors));
			}
			return new Result(rows, errors);
		}
	}

	record Result(List<SheetRow> rows, ImportErrors errors) {
	}

	static byte[] xlsx(List<String> header, List<List<?>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, "数据", header, rows.iterator());
		return out.toByteArray();
	}

	@Test
	void readsXlsxWithTypedCells() throws IOException {
		byte[] file = xlsx(List.of("姓名", "年龄", "出生日期", "身份证号", "类别", "独居", "纬度"), List.of(
				Arrays.asList("王阿姨", 72, LocalDate.of(1952, 5, 17), "350102195205170026", "乙", true, 26.0891),
				Arrays.asList("李四", "8", "2016/1/9", null, "a", "否", "-1.5")));
		Result r = read("a.xlsx", file, ZH);
		assertThat(r.errors().list()).isEmpty();
		assertThat(r.rows()).hasSize(2);
		SheetRow first = r.rows().get(0);
		assertThat(first.number()).isEqualTo(2);
		assertThat(first.get(NAME)).isEqualTo("王阿姨");
		assertThat(first.get(AGE)).isEqualTo(72L);
		assertThat(first.get(BIRTH)).isEqualTo(LocalDate.of(1952, 5, 17));
		assertThat(first.get(ID)).isEqualTo("350102195205170026");
		assertThat(first.get(KIND)).isEqualTo(Kind.B);
		assertThat(first.get(ALONE)).isTrue();
		assertThat(first.get(LAT)).isEqualByComparingTo("26.0891");
		SheetRow second = r.rows().get(1);
		assertThat(second.number()).isEqualTo(3);
		assertThat(second.get(BIRTH)).isEqualTo(LocalDate.of(2016, 1, 9));
		assertThat(second.get(ID)).isNull();
		assertThat(second.get(KIND)).isEqualTo(Kind.A);
		assertThat(second.get(ALONE)).isFalse();
	}

	@Test
	void readsUtf8CsvWithBomAndKeepsExcelRowNumbersAcrossBlankLines() {
		String csv = "\uFEFF姓名,年龄,出生日期\r\n张三,70,1954-03-01\r\n\r\n李四,,\r\n";
		Result r = read("a.csv", csv.getBytes(StandardCharsets.UTF_8), ZH);
		assertThat(r.errors().list()).isEmpty();
		assertThat(r.rows()).extracting(SheetRow::number).containsExactly(2, 4);
		assertThat(r.rows().get(0).get(NAME)).isEqualTo("张三");
		assertThat(r.rows().get(1).get(AGE)).isNull();
	}

	@Test
	void readsGbkCsvAsSavedByChineseExcel() {
		String csv = "姓名,类别,独居\r\n陈阿婆,乙,是\r\n";
		Result r = read("gbk.csv", csv.getBytes(Charset.forName("GBK")), ZH);
		assertThat(r.errors().list()).isEmpty();
		assertThat(r.rows().get(0).get(NAME)).isEqualTo("陈阿婆");
		assertThat(r.rows().get(0).get(KIND)).isEqualTo(Kind.B);
		assertThat(r.rows().get(0).get(ALONE)).isTrue();
	}

	@Test
	void acceptsEnglishHeadersAndKeys() {
		String csv = "Name,age,Birth Date,living alone\nZhang,1,2020-01-01,no\n";
		Result r = read("en.csv", csv.getBytes(StandardCharsets.UTF_8), EN);
		assertThat(r.errors().list()).isEmpty();
		assertThat(r.rows().get(0).get(AGE)).isEqualTo(1L);
		assertThat(r.rows().get(0).get(ALONE)).isFalse();
	}

	@Test
	void collectsEveryCellErrorWithRowColumnAndMaskedPersonalValue() {
		String csv = """
				姓名,年龄,出生日期,身份证号,类别
				张三,70,1954-03-01,,甲
				,200,1954-02-30,35010219540301001234,丙
				王五六七八九,x,,,
				""";
		Result r = read("e.csv", csv.getBytes(StandardCharsets.UTF_8), ZH);
		List<ImportError> errors = r.errors().list();
		assertThat(errors).extracting(ImportError::row, ImportError::column, ImportError::header)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(3, "A", "姓名"),
					org.assertj.core.groups.Tuple.tuple(3, "B", "年龄"),
					org.assertj.core.groups.Tuple.tuple(3, "C", "出生日期"),
					org.assertj.core.groups.Tuple.tuple(3, "D", "身份证号"),
					org.assertj.core.groups.Tuple.tuple(3, "E", "类别"),
					org.assertj.core.groups.Tuple.tuple(4, "A", "姓名"),
					org.assertj.core.groups.Tuple.tuple(4, "B", "年龄"));
		assertThat(errors.get(0).reason()).isEqualTo("必填项不能为空");
		assertThat(errors.get(1).reason()).contains("0", "150");
		assertThat(errors.get(2).reason()).contains("yyyy-MM-dd");
		assertThat(errors.get(3).value()).isEqualTo("3501************1234").doesNotContain("19540301");
		assertThat(errors.get(4).reason()).contains("甲", "乙");
		assertThat(errors.get(5).reason()).contains("5");
		assertThat(r.errors().count()).isEqualTo(7);
	}

	@Test
	void headerMismatchNamesTheColumns() {
		String csv = "姓名,年纪,姓名\n张三,1,张三\n";
		assertThatThrownBy(() -> read("h.csv", csv.getBytes(StandardCharsets.UTF_8), ZH))
			.isInstanceOfSatisfying(SpreadsheetException.class, e -> {
				assertThat(e.errors()).extracting(ImportError::column).containsExactly("B", "C");
				assertThat(e.errors().get(0).reason()).contains("年纪", "年龄");
				assertThat(e.errors().get(1).reason()).contains("姓名").contains("重复");
			});
		String missing = "年龄\n1\n";
		assertThatThrownBy(() -> read("m.csv", missing.getBytes(StandardCharsets.UTF_8), EN))
			.isInstanceOfSatisfying(SpreadsheetException.class,
					e -> assertThat(e.errors()).singleElement().satisfies(err -> {
						assertThat(err.header()).isEqualTo("Name");
						assertThat(err.reason()).contains("Required column \"Name\"");
					}));
	}

	@Test
	void templateRoundTripsThroughTheReader() {
		byte[] template = SpreadsheetTemplates.xlsx(SCHEMA, "居民", ZH);
		Result r = read("template.xlsx", template, ZH);
		assertThat(r.errors().list()).isEmpty();
		assertThat(r.rows()).singleElement().satisfies(row -> {
			assertThat(row.get(NAME)).isEqualTo("张三");
			assertThat(row.get(BIRTH)).isEqualTo(LocalDate.of(1954, 3, 1));
			assertThat(row.get(ID)).isEqualTo("350102195403010012");
			assertThat(row.get(KIND)).isEqualTo(Kind.A);
			assertThat(row.get(LAT)).isEqualByComparingTo("26.08");
		});
	}

	@Test
	void templateHasANotesSheetDescribingEachColumn() throws IOException {
		byte[] template = SpreadsheetTemplates.xlsx(SCHEMA, "居民", EN);
		try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(template))) {
			var notes = wb.getSheets().toList().get(1);
			assertThat(notes.getName()).isEqualTo("Notes");
			List<org.dhatim.fastexcel.reader.Row> rows = notes.read();
			assertThat(rows.get(1).getCellText(0)).isEqualTo("Name");
			assertThat(rows.get(1).getCellText(1)).isEqualTo("required");
			assertThat(rows.get(1).getCellText(2)).contains("5");
			assertThat(rows.get(3).getCellText(2)).contains("yyyy-MM-dd");
		}
	}

	@Test
	void errorReportRoundTripsAsXlsxAndCsv() {
		List<ImportError> errors = List.of(new ImportError(50_001, "D", "身份证号", "3501**********0012", "校验码错误"),
				new ImportError(1, "B", "年纪", "年纪", "无法识别的列"));
		byte[] xlsx = ErrorReports.xlsx(errors, 3, ZH);
		List<ImportError> back = ErrorReports.read(xlsx, ZH);
		assertThat(back.subList(0, 2)).isEqualTo(errors);
		assertThat(back.get(2).reason()).contains("1");
		String csv = new String(ErrorReports.csv(errors, 2, ZH), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF行号,列,列名,填写内容,错误原因").contains("50001,D,身份证号,3501**********0012,校验码错误");
	}

	@Test
	void limitsRowsAndBytesAndRefusesXls() {
		StringBuilder csv = new StringBuilder("姓名\n");
		for (int i = 0; i < 11; i++) {
			csv.append("n").append(i).append('\n');
		}
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		try (SpreadsheetReader reader = SpreadsheetReader.open("x.csv", bytes, new ImportLimits(1000, 10, 10), ZH)) {
			assertThatThrownBy(reader::countRemaining).isInstanceOf(SpreadsheetException.class).hasMessageContaining("10");
		}
		assertThatThrownBy(() -> SpreadsheetReader.open("x.csv", bytes, new ImportLimits(10, 10, 10), ZH))
			.isInstanceOf(SpreadsheetException.class).hasMessageContaining("过大");
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		assertThatThrownBy(() -> SpreadsheetReader.open("old.xls", ole2, ImportLimits.DEFAULT, EN))
			.isInstanceOf(SpreadsheetException.class).hasMessageContaining(".xls");
		assertThatThrownBy(() -> SpreadsheetReader.open("x.pdf", "%PDF".getBytes(), ImportLimits.DEFAULT, EN))
			.isInstanceOf(SpreadsheetException.class).hasMessageContaining("Unsupported");
	}

	@Test
	void exportWritesHeaderAndRowsThatReadBack() throws IOException {
		byte[] file = xlsx(List.of("Name", "Age"), List.of(List.of("a", 1), List.of("b", 2)));
		try (SpreadsheetReader reader = SpreadsheetReader.open("e.xlsx", file, ImportLimits.DEFAULT, EN)) {
			assertThat(reader.header()).containsExactly("Name", "Age");
			assertThat(reader.next().cells()).containsExactly("a", "1");
			assertThat(reader.next()).satisfies(r -> assertThat(r.number()).isEqualTo(3));
			assertThat(reader.hasNext()).isFalse();
		}
	}

	@Test
	void columnLetters() {
		assertThat(ImportError.columnLetter(0)).isEqualTo("A");
		assertThat(ImportError.columnLetter(25)).isEqualTo("Z");
		assertThat(ImportError.columnLetter(26)).isEqualTo("AA");
		assertThat(ImportError.columnLetter(27)).isEqualTo("AB");
	}
}
