package org.jinlin.demands.web.desk;

import static org.jinlin.support.DemoAccounts.PASSWORD;

import org.jinlin.demands.web.desk.SearchPages;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jinlin.territory.Territories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff pages of the demands module as the demo accounts use them. */
@SpringBootTest
@AutoConfigureMockMvc
class DeskPagesTests {


	static final String JUNMEN_G01_BUILDING = "350102004001G01C01B01";

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	long building;

	@BeforeEach
	void setUp() {
		building = territories.lookupByCode(JUNMEN_G01_BUILDING).orElseThrow().id();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long raiseAsResident(String description) throws Exception {
		String body = json.writeValueAsString(Map.of("categoryCode", "sanitation", "description", description,
				"locationNodeId", building));
		MvcResult r = mvc.perform(post("/api/v1/demands").with(httpBasic("resident1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn();
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	@Test
	void theGridWorkerSeesADemandRaisedInHerGridInHerQueue() throws Exception {
		long id = raiseAsResident("队列测试：小区门口垃圾没人清运");
		mvc.perform(get("/demands/queue").with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"queue-item-" + id + "\"")))
			.andExpect(content().string(containsString("队列测试：小区门口垃圾没人清运")))
			.andExpect(content().string(containsString("签收时限")))
			.andExpect(content().string(containsString("data-events-url=\"/demands/queue/events?since=")));
		// the fragment the live script re-fetches: only the list
		mvc.perform(get("/demands/queue/list").with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("queue-item-" + id)))
			.andExpect(content().string(not(containsString("<html"))));
		// the district above does not get a grid's new demand in its own queue
		mvc.perform(get("/demands/queue").with(as("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("queue-item-" + id + "\""))));
		mvc.perform(get("/demands/queue").param("lang", "en").with(as("junmen-grid1")))
			.andExpect(content().string(containsString("My queue")));
	}

	@Test
	void theQueueEventStreamPushesANewDemandOfTheGrid() throws Exception {
		MvcResult stream = mvc.perform(get("/demands/queue/events").with(as("junmen-grid1"))
				.accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(stream.getResponse().getContentAsString()).contains("event:ready");
		long id = raiseAsResident("实时推送测试");

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> stream.getResponse().getContentAsString().contains("\"demandId\":" + id));
		String body = stream.getResponse().getContentAsString();
		assertThat(body).contains("event:notification").contains("\"demandId\":" + id)
			.contains("\"kind\":\"NEW_IN_QUEUE\"");
	}

	@Test
	void signThenResolveWithAPhotoThroughThePages() throws Exception {
		long id = raiseAsResident("页面办理测试：楼道灯不亮");
		mvc.perform(get("/demands/" + id).with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"action-sign\"")))
			.andExpect(content().string(not(containsString("id=\"resolve-submit\""))));

		mvc.perform(post("/demands/" + id + "/sign").with(as("junmen-grid1")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/demands/" + id))
			.andExpect(flash().attribute("notice", "demands.desk.done.sign"));
		mvc.perform(get("/demands/" + id).with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("办理中")))
			.andExpect(content().string(containsString("id=\"resolve-outcome\"")))
			.andExpect(content().string(containsString("id=\"resolve-reply\"")))
			.andExpect(content().string(containsString("id=\"resolve-photos\"")))
			.andExpect(content().string(not(containsString("id=\"action-sign\""))));

		// without a reply: the field message next to the reply, nothing changes
		mvc.perform(multipart("/demands/" + id + "/resolve").with(as("junmen-grid1")).with(csrf())
				.param("outcome", "RESOLVED").param("reply", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写答复内容")))
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");

		mvc.perform(multipart("/demands/" + id + "/resolve")
				.file(new MockMultipartFile("photos", "after.png", "image/png", PNG))
				.with(as("junmen-grid1")).with(csrf())
				.param("outcome", "RESOLVED").param("reply", "灯已修好，感谢反映。"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/demands/" + id));
		assertThat(statusOf(id)).isEqualTo("RESOLVED");
		long photoId = jdbc.sql("SELECT id FROM demand_photo WHERE demand_id = ? AND stage = 'AFTER'").param(id)
			.query(Long.class).single();
		mvc.perform(get("/demands/" + id).with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已办结待评价")))
			.andExpect(content().string(containsString("灯已修好，感谢反映。")))
			.andExpect(content().string(containsString("/demands/photos/" + photoId)))
			.andExpect(content().string(containsString("id=\"follow-up-rating\"")));
		mvc.perform(get("/demands/photos/" + photoId).with(as("junmen-grid1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(content().bytes(PNG));

		// the follow-up call closes it
		mvc.perform(post("/demands/" + id + "/follow-up").with(as("junmen")).with(csrf()).param("rating", "SATISFIED")
				.param("comment", "电话回访，居民满意"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(id)).isEqualTo("CLOSED");
	}

	@Test
	void aSecondSignIsShownAsAnAlertNotAnError() throws Exception {
		long id = raiseAsResident("重复签收测试");
		mvc.perform(post("/demands/" + id + "/sign").with(as("junmen-grid1")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/demands/" + id + "/sign").with(as("junmen")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"action-alert\"")))
			.andExpect(content().string(containsString("状态已经变化")))
			.andExpect(content().string(containsString("重复签收测试")));
		// a resident may see her demand but not sign for it: 403 as an alert
		mvc.perform(post("/demands/" + id + "/sign").with(as("resident1")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("id=\"action-alert\"")));
		// out of jurisdiction: the 404 page
		mvc.perform(get("/demands/" + id).with(as("canteen1")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theExcelExportHasTheMatchingRowsWithoutFullPhones() throws Exception {
		String body = json.writeValueAsString(Map.of("categoryCode", "sanitation", "description", "导出测试，电话13912345678",
				"locationNodeId", building, "channel", "PHONE_CALL", "contactName", "来电人", "contactPhone", "13912345678"));
		MvcResult r = mvc.perform(post("/api/v1/demands").with(httpBasic("junmen", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn();
		long id = ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();

		mvc.perform(get("/demands").param("community", "350102004001G01").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"search-row-" + id + "\"")));
		mvc.perform(get("/demands").param("community", "350111003001").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("辖区内没有这个代码")));

		byte[] xlsx = mvc.perform(get("/demands/export.xlsx").param("community", "350102004001G01")
				.param("category", "sanitation").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", SearchPages.XLSX))
			.andReturn().getResponse().getContentAsByteArray();
		long expected = jdbc.sql("""
				SELECT COUNT(*) FROM demand d JOIN demand_category c ON c.id = d.category_id
				WHERE c.code = 'sanitation' AND d.grid_id = (SELECT grid_id FROM demand WHERE id = ?)""")
			.param(id).query(Long.class).single();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("编号");
			assertThat(rows).hasSize((int) expected + 1);
			Row mine = rows.stream().filter(x -> x.getCellText(0).equals(String.valueOf(id))).findFirst().orElseThrow();
			assertThat(mine.getCellText(9)).isEqualTo("139****5678");
			assertThat(mine.getCellText(7)).contains("导出测试").doesNotContain("13912345678");
			for (Row row : rows) {
				for (int c = 0; c < row.getCellCount(); c++) {
					assertThat(row.getCellText(c)).doesNotContain("13912345678");
				}
			}
		}
		mvc.perform(get("/demands/export.xlsx").with(as("resident1"))).andExpect(status().isForbidden());
	}

	@Test
	void staffRaiseOnBehalfOfACallerAndCallBack() throws Exception {
		mvc.perform(get("/demands/on-behalf").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<optgroup")))
			.andExpect(content().string(containsString("id=\"on-behalf-channel-PHONE_CALL\"")));
		mvc.perform(get("/demands/on-behalf/questions").param("categoryCode", "elevator").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"answer.trapped\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/demands/on-behalf").with(as("resident1"))).andExpect(status().isForbidden());

		// the required question left out: its message, no demand
		long before = jdbc.sql("SELECT COUNT(*) FROM demand").query(Long.class).single();
		mvc.perform(multipart("/demands/on-behalf").with(as("junmen")).with(csrf()).param("channel", "PHONE_CALL")
				.param("categoryCode", "elevator").param("description", "电梯停在三楼")
				.param("territoryCode", JUNMEN_G01_BUILDING).param("contactName", "来电人").param("contactPhone", "13712345678"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("此问题必须回答")))
			.andExpect(content().string(not(containsString("13712345678"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand").query(Long.class).single()).isEqualTo(before);

		String url = mvc.perform(multipart("/demands/on-behalf").with(as("junmen")).with(csrf()).param("channel", "PHONE_CALL")
				.param("categoryCode", "elevator").param("answer.trapped", "no").param("description", "电梯停在三楼")
				.param("territoryCode", JUNMEN_G01_BUILDING).param("contactName", "来电人").param("contactPhone", "13712345678"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(url).matches("/demands/[0-9]+");
		mvc.perform(get(url).with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("电话代办")))
			.andExpect(content().string(containsString("无人被困")))
			.andExpect(content().string(containsString("137****5678")))
			.andExpect(content().string(not(containsString("13712345678"))))
			.andExpect(content().string(containsString("id=\"action-show-contact\"")));
		mvc.perform(post(url + "/call-back").with(as("junmen")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"tel:13712345678\"")));
		// recorded on the timeline
		mvc.perform(get(url).with(as("junmen")))
			.andExpect(content().string(containsString("查看了居民联系方式")));
	}

	@Test
	void theDispatchAndLocateFormsOfferUnitsAndPeopleByNameNotCodes() throws Exception {
		long id = raiseAsResident("派单表单测试：楼道里堆着旧家具");
		String html = mvc.perform(get("/demands/" + id).with(as("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String units = between(html, "<select id=\"dispatch-territory\"", "</select>");
		List<String> codes = java.util.regex.Pattern.compile("value=\"([^\"]+)\"").matcher(units).results()
			.map(m -> m.group(1)).toList();
		// a community worker is offered her community and its grids, nothing she does not cover
		assertThat(codes).contains("350102004001", "350102004001G01").allMatch(c -> c.startsWith("350102004001"));
		assertThat(units).contains("军门社区");
		String people = between(html, "<select id=\"dispatch-assignee\"", "</select>");
		assertThat(people).contains("value=\"junmen-grid1\"").contains(">军门社区 第1网格 陈网格员<");
		assertThat(html).doesNotContain("<input id=\"dispatch-territory\"").doesNotContain("<input id=\"dispatch-assignee\"");
		// the street official is offered the street, its communities and grids, and not the district she does not cover
		String street = between(mvc.perform(get("/demands/" + id).with(as("dongjie"))).andReturn().getResponse()
			.getContentAsString(), "<select id=\"dispatch-territory\"", "</select>");
		assertThat(street).contains("value=\"350102004000\"").doesNotContain("value=\"350102\"");
		// choosing a person from the list dispatches as before
		mvc.perform(post("/demands/" + id + "/dispatch").with(as("junmen")).with(csrf())
				.param("assignee", "junmen-grid1").param("note", "请网格员上门看看"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(id)).isEqualTo("DISPATCHED");
	}

	@Test
	void theRaiseFormNamesCategoryGroupsInTheReadersLanguage() throws Exception {
		mvc.perform(get("/demands/new").param("lang", "en").with(as("resident1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("label=\"Housing and property management\"")))
			.andExpect(content().string(not(containsString("label=\"住房与物业\""))));
		mvc.perform(get("/demands/new").param("lang", "zh-CN").with(as("resident1")))
			.andExpect(content().string(containsString("label=\"住房与物业\"")));
	}

	static String between(String html, String start, String end) {
		int from = html.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return html.substring(from, html.indexOf(end, from));
	}

	String statusOf(long id) {
		return jdbc.sql("SELECT status FROM demand WHERE id = ?").param(id).query(String.class).single();
	}
}
