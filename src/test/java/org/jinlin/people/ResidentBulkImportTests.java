package org.jinlin.people;

import org.jinlin.support.DemoAccounts;

import org.jinlin.people.internal.ResidentImport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jinlin.shared.spreadsheet.ErrorReports;
import org.jinlin.shared.spreadsheet.ImportError;
import org.jinlin.shared.spreadsheet.ImportLimits;
import org.jinlin.shared.spreadsheet.RawRow;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetReader;
import org.jinlin.support.ImportJobPolling;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Resident import end to end, in a context (and database) of its own: a 100,000-row file with one bad
 * ID number in row 50,001 imports nothing and its report names that row and column; the same file
 * without the bad row imports every row. Plus the pages, template, export and access rules.
 */
@SpringBootTest(properties = "jinlin.test.context=resident-bulk-import")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidentBulkImportTests {

	// Generous: a guard against hanging, not a timing assertion (PostgreSQL is much slower, see bench/import).
	static final Duration MAX = Duration.ofMinutes(20);

	static final int ROWS = 100_000;

	static final int BAD_ROW = 50_001;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	static RequestPostProcessor basic(String user) {
		return DemoAccounts.as(user);
	}

	RequestPostProcessor browser(String username) {
		return user(users.loadUserByUsername(username));
	}

	long residents() {
		return jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single();
	}

	@Test
	@Order(1)
	void smallCsvImportExportAndPages() throws Exception {
		long before = residents();
		String male = ResidentFileGenerator.idNumber(1_111_111, java.time.LocalDate.of(1950, 1, 1));
		String csv = "姓名,性别,出生日期,身份证号,手机,楼栋编码,单元,室,标签\n"
				+ "测试甲,女,1948-03-07,350102194803070026,13805910000,350102004001G01C01B01,1,302,独居、党员\n"
				+ "测试乙,男,1950-01-01," + male + ",,350102004001G01C01B02,,,\n";
		String id = ImportJobPolling.start(mvc, "/api/v1/residents/imports", "few.csv", csv.getBytes(StandardCharsets.UTF_8),
				basic("junmen-grid1"));
		Map<String, Object> job = ImportJobPolling.await(mvc, id, basic("junmen-grid1"), MAX);
		assertThat(job).as(job.toString()).containsEntry("status", "SUCCEEDED").containsEntry("importedRows", 2);
		assertThat(residents()).isEqualTo(before + 2);

		byte[] xlsx = mvc.perform(get("/residents/export.xlsx").with(browser("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<RawRow> rows = new ArrayList<>();
		try (SpreadsheetReader reader = SpreadsheetReader.open("r.xlsx", xlsx, ImportLimits.DEFAULT,
				SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE))) {
			assertThat(reader.header()).startsWith("姓名", "性别", "出生日期", "身份证号", "手机", "楼栋编码");
			reader.forEachRemaining(rows::add);
		}
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.cells()).startsWith("测试甲", "女", "1948-03-07", "3501**********0026", "138****0000",
					"350102004001G01C01B01");
			assertThat(r.cell(7)).contains("独居", "党员");
		});
		assertThat(new String(xlsx, StandardCharsets.ISO_8859_1)).doesNotContain("350102194803070026");
		// Another district exports none of them; non-staff may not export.
		byte[] other = mvc.perform(get("/api/v1/residents/export.xlsx").with(basic("admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(other).isNotEmpty();
		mvc.perform(get("/api/v1/residents/export.xlsx").with(basic("volunteer1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents/export.xlsx").with(basic("resident1"))).andExpect(status().isForbidden());
		// Only writers of the register import; officials and others get 403.
		for (String who : List.of("dongjie", "city", "volunteer1")) {
			mvc.perform(multipart("/api/v1/residents/imports")
				.file(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(basic(who))).andExpect(status().isForbidden());
		}
		// Pages: the upload page lists the caller's own recent imports only.
		mvc.perform(get("/residents/import").with(browser("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/residents/import/template.xlsx")))
			.andExpect(content().string(containsString("few.csv")));
		mvc.perform(get("/residents/import").with(browser("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("few.csv"))));
		mvc.perform(get("/residents/import").with(browser("dongjie"))).andExpect(status().isForbidden());
		byte[] template = mvc.perform(get("/residents/import/template.xlsx").with(browser("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (SpreadsheetReader reader = SpreadsheetReader.open("t.xlsx", template, ImportLimits.DEFAULT,
				SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE))) {
			ResidentImport.SCHEMA.bind(reader.header(), SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE));
			assertThat(reader.next().cell(3)).isEqualTo("350102194803070026");
		}
		// The same rows again: the register refuses the duplicates at write time, nothing is written.
		mvc.perform(multipart("/residents/import")
			.file(new MockMultipartFile("file", "again.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(browser("junmen")).with(csrf()))
			.andExpect(redirectedUrlPattern("/imports/*"));
		String again = jdbc.sql("SELECT id FROM import_job WHERE file_name = 'again.csv'").query(String.class).single();
		Map<String, Object> failed = ImportJobPolling.await(mvc, again, basic("junmen"), MAX);
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("errorCount", 2);
		assertThat(residents()).isEqualTo(before + 2);
		byte[] report = mvc.perform(get("/imports/" + again + "/errors.xlsx").with(browser("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(ErrorReports.read(report, SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE)))
			.extracting(e -> e.row() + e.column() + " " + e.value())
			.containsExactly("2D 3501**********0026", "3D " + org.jinlin.shared.Masking.idNumber(male));
	}

	@Test
	@Order(2)
	void hundredThousandRowsWithOneBadRowImportNothingAndTheReportNamesTheRow() throws Exception {
		long before = residents();
		byte[] file = ResidentFileGenerator.bytes(ROWS, BAD_ROW);
		String id = ImportJobPolling.start(mvc, "/api/v1/residents/imports", "residents-bad.xlsx", file, basic("junmen"));
		Map<String, Object> job = ImportJobPolling.await(mvc, id, basic("junmen"), MAX);
		assertThat(job).as(job.toString()).containsEntry("status", "FAILED").containsEntry("errorCount", 1)
			.containsEntry("totalRows", ROWS);
		assertThat(residents()).isEqualTo(before);
		byte[] report = mvc.perform(get("/api/v1/imports/" + id + "/errors.xlsx").with(basic("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<ImportError> errors = ErrorReports.read(report, SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE));
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(BAD_ROW);
			assertThat(e.column()).isEqualTo("D");
			assertThat(e.header()).isEqualTo("身份证号");
			assertThat(e.value()).matches("6590\\*{10}\\d{3}[\\dX]");
			assertThat(e.reason()).isNotBlank();
		});
	}

	@Test
	@Order(3)
	void hundredThousandRowsImportCompletely() throws Exception {
		long before = residents();
		byte[] file = ResidentFileGenerator.bytes(ROWS, 0);
		String id = ImportJobPolling.start(mvc, "/api/v1/residents/imports", "residents.xlsx", file, basic("junmen"));
		Map<String, Object> job = ImportJobPolling.await(mvc, id, basic("junmen"), MAX);
		assertThat(job).as(job.toString()).containsEntry("status", "SUCCEEDED").containsEntry("importedRows", ROWS)
			.containsEntry("errorCount", 0);
		assertThat(residents()).isEqualTo(before + ROWS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident WHERE registration_channel = 'IMPORT'").query(Long.class).single())
			.isGreaterThanOrEqualTo(ROWS);
	}
}
