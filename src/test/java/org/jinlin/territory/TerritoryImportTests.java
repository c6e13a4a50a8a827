package org.jinlin.territory;

import org.jinlin.support.DemoAccounts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jinlin.shared.spreadsheet.ErrorReports;
import org.jinlin.shared.spreadsheet.ImportError;
import org.jinlin.shared.spreadsheet.ImportLimits;
import org.jinlin.shared.spreadsheet.RawRow;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetReader;
import org.jinlin.shared.spreadsheet.XlsxExport;
import org.jinlin.territory.internal.TerritoryImport;
import org.jinlin.support.ImportJobPolling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Territory import, export and browsing, through the API and the pages, on the demo city (in a database of its own). */
@SpringBootTest(properties = "jinlin.test.context=territory-import")
@AutoConfigureMockMvc
class TerritoryImportTests {

	static final String HEADER = "层级,编码,上级编码,名称,农村,纬度,经度,人口,老年人口\n";

	static final Duration MAX = Duration.ofMinutes(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	UserDetailsService users;

	static RequestPostProcessor basic(String user) {
		return DemoAccounts.as(user);
	}

	RequestPostProcessor browser(String username) {
		return user(users.loadUserByUsername(username));
	}

	Map<String, Object> importCsv(String user, String csv, Charset charset) throws Exception {
		String id = ImportJobPolling.start(mvc, "/api/v1/territories/imports", "nodes.csv", csv.getBytes(charset), basic(user));
		return ImportJobPolling.await(mvc, id, basic(user), MAX);
	}

	@Test
	void cityOfficialImportsNodesInAnyOrderUnderAnExistingGrid() throws Exception {
		String csv = HEADER
				+ "楼栋,T1C01B01,T1C01,1号楼,否,26.0891,119.3041,,\n"
				+ "楼栋,T1C01B02,T1C01,2号楼,,,,,\n"
				+ "小区,T1C01,350102004001G01,新苑,否,26.089,119.304,1200,300\n";
		Map<String, Object> job = importCsv("city", csv, StandardCharsets.UTF_8);
		assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("importedRows", 3).containsEntry("totalRows", 3);
		TerritoryNode grid = territories.lookupByCode("350102004001G01").orElseThrow();
		TerritoryNode compound = territories.lookupByCode("T1C01").orElseThrow();
		TerritoryNode building = territories.lookupByCode("T1C01B02").orElseThrow();
		assertThat(compound.parentId()).isEqualTo(grid.id());
		assertThat(compound.level()).isEqualTo(TerritoryLevel.COMPOUND);
		assertThat(compound.population()).isEqualTo(1200L);
		assertThat(building.path()).isEqualTo(compound.path() + building.id() + "/");
		assertThat(building.level()).isEqualTo(TerritoryLevel.BUILDING);
	}

	@Test
	void anyBadRowFailsTheJobWritesNothingAndTheReportNamesRowAndColumn() throws Exception {
		String csv = HEADER
				+ "小区,T2C01,350102004001G01,好小区,否,26.08,119.30,,\n"               // row 2: fine
				+ "楼栋,T2C01B01,NO-SUCH,1号楼,否,,,,\n"                               // row 3: unknown parent
				+ "网格,T2C01B02,T2C01,2号楼,否,,,,\n"                                 // row 4: level order
				+ "楼栋,T2C01B03,T2C01,3号楼,否,200,119.30,,\n"                        // row 5: latitude range
				+ "楼栋,350102,T2C01,重复,否,,,,\n"                                     // row 6: code exists
				+ "楼栋,T2C01B05,T2C01,5号楼,否,,,10,20\n"                             // row 7: elderly > population
				+ "楼栋,T2C01B06,T2C01,,否,,,-1,\n"                                     // row 8: name, population
				+ "楼栋,T2C01B07,350111003001,紫阳的楼,否,,,,\n";                       // row 9: level order (community)
		Map<String, Object> job = importCsv("city", csv, StandardCharsets.UTF_8);
		assertThat(job).containsEntry("status", "FAILED").containsEntry("hasErrorReport", true);
		assertThat(territories.lookupByCode("T2C01")).isEmpty();

		byte[] report = mvc.perform(get("/api/v1/imports/" + job.get("id") + "/errors.xlsx").with(basic("city")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		List<ImportError> errors = ErrorReports.read(report, SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE));
		assertThat(errors).extracting(e -> e.row() + e.column())
			.containsExactlyInAnyOrder("3C", "4A", "5F", "6B", "7I", "8D", "8H", "9A");
		assertThat(errors).filteredOn(e -> e.row() == 5).singleElement()
			.satisfies(e -> {
				assertThat(e.header()).isEqualTo("纬度");
				assertThat(e.value()).isEqualTo("200");
				assertThat(e.reason()).contains("-90", "90");
			});
		assertThat(job.get("errorCount")).isEqualTo(8);

		String csvReport = mvc.perform(get("/imports/" + job.get("id") + "/errors.csv").with(browser("city")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csvReport).contains("3,C,上级编码,NO-SUCH");
	}

	@Test
	void gbkCsvWithEnglishHeadersIsAccepted() throws Exception {
		String csv = "Level,Code,Parent code,Name\nCompound,T3C01,350102004001G01,榕城花园\n";
		Map<String, Object> job = importCsv("admin", csv, Charset.forName("GB18030"));
		assertThat(job).containsEntry("status", "SUCCEEDED");
		assertThat(territories.lookupByCode("T3C01")).get().extracting(TerritoryNode::name).isEqualTo("榕城花园");
	}

	@Test
	void headerMismatchFailsWithTheColumnNamed() throws Exception {
		Map<String, Object> job = importCsv("admin", "层级,编码,上级,名称\n", StandardCharsets.UTF_8);
		assertThat(job).containsEntry("status", "FAILED");
		byte[] report = mvc.perform(get("/api/v1/imports/" + job.get("id") + "/errors.xlsx").with(basic("admin")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(ErrorReports.read(report, SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE)))
			.anySatisfy(e -> assertThat(e.row() + e.column() + e.reason()).startsWith("1C").contains("上级"));
	}

	@Test
	void onlyAdministratorsAndCityOfficialsImportAndOnlyTheOwnerSeesTheJob() throws Exception {
		byte[] csv = (HEADER + "楼栋,T4B01,350102004001G01C01,1号楼,,,,,\n").getBytes(StandardCharsets.UTF_8);
		for (String who : List.of("gulou", "junmen", "resident1")) {
			mvc.perform(multipart("/api/v1/territories/imports").file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
				.with(basic(who))).andExpect(status().isForbidden());
		}
		String id = ImportJobPolling.start(mvc, "/api/v1/territories/imports", "a.csv", csv, basic("city"));
		ImportJobPolling.await(mvc, id, basic("city"), MAX);
		mvc.perform(get("/api/v1/imports/" + id).with(basic("gulou"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/imports/" + id).with(basic("admin"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/imports/no-such-job").with(basic("city"))).andExpect(status().isNotFound());
	}

	@Test
	void emptyAndOversizedUploadsAreRejectedWithA400() throws Exception {
		mvc.perform(multipart("/api/v1/territories/imports").file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[0]))
			.with(basic("city")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void largeXlsxFileImportsAndReportsProgressCounts() throws Exception {
		// 1 compound + 50 compounds * 40 buildings under an existing grid: 2,050 rows.
		List<List<?>> rows = new ArrayList<>();
		for (int c = 1; c <= 50; c++) {
			String compound = "T5C" + c;
			rows.add(Arrays.asList("小区", compound, "350102004001G02", "小区" + c, "否", 26.08 + c / 10000.0, 119.30, 100L, 20L));
			for (int b = 1; b <= 40; b++) {
				rows.add(Arrays.asList("楼栋", compound + "B" + b, compound, b + "号楼", "否", null, null, null, null));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxExport.write(out, "辖区", TerritoryImport.SCHEMA.headers(SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE)),
				rows.iterator());
		String id = ImportJobPolling.start(mvc, "/api/v1/territories/imports", "big.xlsx", out.toByteArray(), basic("admin"));
		Map<String, Object> job = ImportJobPolling.await(mvc, id, basic("admin"), MAX);
		assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("totalRows", 2050)
			.containsEntry("processedRows", 2050).containsEntry("importedRows", 2050);
		assertThat(territories.lookupByCode("T5C50B40")).isPresent();
	}

	@Test
	void exportContainsExactlyTheCallersSubtreeInTheImportFormat() throws Exception {
		byte[] xlsx = mvc.perform(get("/territory/export.xlsx").with(browser("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn().getResponse().getContentAsByteArray();
		List<RawRow> rows = new ArrayList<>();
		try (SpreadsheetReader reader = SpreadsheetReader.open("t.xlsx", xlsx, ImportLimits.DEFAULT,
				SpreadsheetMessages.of(Locale.SIMPLIFIED_CHINESE))) {
			assertThat(reader.header()).containsExactly("层级", "编码", "上级编码", "名称", "农村", "纬度", "经度", "人口", "老年人口");
			reader.forEachRemaining(rows::add);
		}
		assertThat(rows.get(0).cells()).startsWith("社区", "350102004001", "350102004000", "军门社区");
		// Demo nodes of 军门社区 plus whatever the other tests of this class imported under its grids (codes T…).
		assertThat(rows).extracting(r -> r.cell(1))
			.allMatch(code -> code.startsWith("350102004001") || code.startsWith("T"))
			.doesNotContain("350102", "350102004000", "350111003001");
		assertThat(rows).hasSizeGreaterThan(10);
		mvc.perform(get("/api/v1/territories/export.xlsx").with(basic("resident1"))).andExpect(status().isForbidden());
	}

	@Test
	void pagesRender() throws Exception {
		mvc.perform(get("/territory").with(browser("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("军门社区")))
			.andExpect(content().string(containsString("第1网格")))
			.andExpect(content().string(not(containsString("/territory/import"))));
		mvc.perform(get("/territory").param("code", "350111003001").with(browser("junmen"))).andExpect(status().isNotFound());
		mvc.perform(get("/territory").with(browser("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("鼓楼区")))
			.andExpect(content().string(containsString("/territory/import")));
		mvc.perform(get("/territory/import").with(browser("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/territory/import/template.xlsx")));
		mvc.perform(get("/territory/import").with(browser("junmen"))).andExpect(status().isForbidden());
		byte[] template = mvc.perform(get("/territory/import/template.xlsx").with(browser("city")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(template).isNotEmpty();

		byte[] csv = (HEADER + "楼栋,T6B01,350102004001G01C01,1号楼,,,,,\n").getBytes(StandardCharsets.UTF_8);
		String location = mvc.perform(multipart("/territory/import").file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
			.with(browser("city")).with(csrf()))
			.andExpect(redirectedUrlPattern("/imports/*"))
			.andReturn().getResponse().getRedirectedUrl();
		String id = location.substring("/imports/".length());
		ImportJobPolling.await(mvc, id, basic("city"), MAX);
		mvc.perform(get(location).with(browser("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("a.csv")));
		mvc.perform(get(location + "/progress").with(browser("city")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("import-status")))
			.andExpect(content().string(not(containsString("every 1s"))));
		mvc.perform(get(location).with(browser("gulou"))).andExpect(status().isNotFound());
		mvc.perform(multipart("/territory/import").with(browser("city")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jl-field-error")));
	}
}
