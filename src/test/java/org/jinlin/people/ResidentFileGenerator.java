package org.jinlin.people;

import org.jinlin.people.internal.ResidentDraftValidation;
import org.jinlin.people.internal.ResidentImport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.XlsxExport;

/**
 * Writes a deterministic resident import file (test data and the import benchmark): valid, unique ID
 * numbers (region 659001, so they never collide with the Fuzhou demo residents) agreeing with gender
 * and birth date, phones, buildings of 军门社区 that the demo city always has, units, rooms and tags.
 * Optionally one row gets a wrong ID check character.
 *
 * <p>Run as a program: {@code ResidentFileGenerator <rows> <file.xlsx> [badRow] [offset]}.
 */
public final class ResidentFileGenerator {

	/** Buildings every demo community has (at least two grids, two compounds each, two buildings each). */
	static final List<String> JUNMEN_BUILDINGS = List.of("350102004001G01C01B01", "350102004001G01C01B02",
			"350102004001G01C02B01", "350102004001G01C02B02", "350102004001G02C01B01", "350102004001G02C01B02",
			"350102004001G02C02B01", "350102004001G02C02B02");

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "林", "郑", "何", "郭" };

	private static final String[] GIVEN = { "秀英", "桂兰", "建国", "志强", "丽华", "明", "伟", "芳", "国华", "淑珍", "德明", "玉梅",
			"海燕", "春生", "文", "静" };

	private static final String[] TAGS = { "", "", "", "独居", "空巢", "党员", "独居、低保", "退役军人;党员" };

	private ResidentFileGenerator() {
	}

	/** The ID number of data row {@code i} (0-based), unique for i below 1,250,000. */
	static String idNumber(int i, LocalDate birth) {
		int seq = (i / 25_000) * 2 + (i % 2);
		String first17 = "659001" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth()) + String.format("%03d", seq);
		return first17 + ResidentDraftValidation.checkChar(first17);
	}

	static List<?> row(int i, int offset) {
		int n = i + offset;
		LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n % 25_000);
		String gender = n % 2 == 1 ? "男" : "女";
		String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length];
		String phone = n % 5 == 0 ? null : "13" + (5 + n % 5) + String.format("%08d", n);
		return Arrays.asList(name, gender, birth.toString(), idNumber(n, birth), phone,
				JUNMEN_BUILDINGS.get(n % JUNMEN_BUILDINGS.size()), Integer.toString(1 + n % 4),
				Integer.toString(100 * (1 + (n / 32) % 18) + 1 + (n / 8) % 4), TAGS[n % TAGS.length]);
	}

	/**
	 * Writes {@code rows} data rows; if {@code badRow} (an Excel row number, header = 1) is positive,
	 * that row's ID number gets a wrong check character.
	 */
	public static void write(OutputStream out, int rows, int badRow, int offset) throws IOException {
		List<String> headers = ResidentImport.SCHEMA.headers(SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE));
		Iterator<List<?>> it = new Iterator<>() {
			int i;

			@Override
			public boolean hasNext() {
				return i < rows;
			}

			@Override
			public List<?> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				List<?> r = row(i, offset);
				if (i + 2 == badRow) {
					String id = (String) r.get(3);
					char wrong = id.charAt(17) == '1' ? '2' : '1';
					Object[] copy = r.toArray();
					copy[3] = id.substring(0, 17) + wrong;
					r = Arrays.asList(copy);
				}
				i++;
				return r;
			}
		};
		XlsxExport.write(out, "居民", headers, it);
	}

	public static byte[] bytes(int rows, int badRow) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(rows * 60);
		write(out, rows, badRow, 0);
		return out.toByteArray();
	}

	public static void main(String[] args) throws IOException {
		int rows = Integer.parseInt(args[0]);
		Path file = Path.of(args[1]);
		int bad = args.length > 2 ? Integer.parseInt(args[2]) : 0;
		int offset = args.length > 3 ? Integer.parseInt(args[3]) : 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			write(out, rows, bad, offset);
		}
		System.out.println("Wrote " + rows + " rows to " + file + (bad > 0 ? " (bad ID check character in row " + bad + ")" : ""));
	}
}
