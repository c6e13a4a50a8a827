package org.jinlin.demands;

import static org.jinlin.support.DemoAccounts.PASSWORD;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jinlin.territory.Territories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The closed loop through the JSON API: a resident raises a demand, it goes to the grid of its place, the
 * grid worker signs for it and resolves it with a photo, the resident rates it, and the public board shows
 * the outcome without personal data. Also the state machine's 409s and the race to sign for a demand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DemandFlowTests {


	static final String JUNMEN_G01_BUILDING = "350102004001G01C01B01";

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	final JsonMapper json = JsonMapper.builder().build();

	long building;

	long grid;

	@BeforeEach
	void setUp() {
		building = territories.lookupByCode(JUNMEN_G01_BUILDING).orElseThrow().id();
		grid = territories.lookupByCode("350102004001G01").orElseThrow().id();
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
	void aResidentsDemandGoesThroughTheClosedLoopAndShowsOnThePublicBoard() throws Exception {
		long id = raiseAsResident("楼道里堆满了纸箱，<script>alert(1)</script> 请联系我 13812345678");

		mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISPATCHED"))
			.andExpect(jsonPath("$.handlerLevel").value("GRID"))
			.andExpect(jsonPath("$.handlerNodeId").value(grid));
		// the whole queue: the tests sharing this database keep the grid's queue longer than the default 100
		mvc.perform(get("/api/v1/demands/queue?limit=500").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());

		mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.signedOnTime").value(true));

		MockMultipartFile resolution = new MockMultipartFile("resolution", "", MediaType.APPLICATION_JSON_VALUE,
				"{\"outcome\":\"RESOLVED\",\"reply\":\"已清理楼道杂物，并提醒住户不要再堆放。\"}".getBytes());
		MockMultipartFile photo = new MockMultipartFile("photos", "after.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		mvc.perform(multipart("/api/v1/demands/" + id + "/resolve").file(resolution).file(photo)
				.with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"));

		mvc.perform(post("/api/v1/demands/" + id + "/rating").with(httpBasic("resident1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\",\"comment\":\"很及时\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.rating").value("SATISFIED"));
		assertThat(events.stream(DemandClosed.class).filter(e -> e.demandId() == id)).hasSize(1);

		String board = mvc.perform(get("/public/board/350102004001")).andExpect(status().isOk())
			.andExpect(content().string(containsString("已清理楼道杂物")))
			.andExpect(content().string(containsString("&lt;script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(not(containsString("王秀兰"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(board).contains("满意");
	}

	@Test
	void illegalTransitionsAreRefusedWithConflict() throws Exception {
		long id = raiseAsResident("垃圾桶满了");
		mvc.perform(post("/api/v1/demands/" + id + "/resolve").with(httpBasic("junmen-grid1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"RESOLVED\",\"reply\":\"好了\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/demands/" + id + "/rating").with(httpBasic("resident1", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\"}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT status FROM demand WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void twoWorkersSigningAtOnceExactlyOneWins() throws Exception {
		for (int round = 0; round < 5; round++) {
			long id = raiseAsResident("并发签收 " + round);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Callable<Integer> signer1 = () -> {
					start.await();
					return mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
						.andReturn().getResponse().getStatus();
				};
				Callable<Integer> signer2 = () -> {
					start.await();
					return mvc.perform(post("/api/v1/demands/" + id + "/sign").with(httpBasic("junmen", PASSWORD)))
						.andReturn().getResponse().getStatus();
				};
				Future<Integer> a = pool.submit(signer1);
				Future<Integer> b = pool.submit(signer2);
				start.countDown();
				assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'SIGNED_FOR'").param(id)
				.query(Integer.class).single()).isEqualTo(1);
		}
	}

	@Test
	void badInputGetsFieldErrorsAndWritesNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM demand").query(Long.class).single();
		mvc.perform(post("/api/v1/demands").with(httpBasic("resident1", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"nope\",\"description\":\"" + "长".repeat(4001) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'categoryCode')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'description')]").exists());
		mvc.perform(post("/api/v1/demands").with(httpBasic("resident1", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"elevator\",\"description\":\"电梯停了\",\"locationNodeId\":" + building + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attribute[trapped]"));
		mvc.perform(post("/api/v1/demands").with(httpBasic("junmen", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"sanitation\",\"description\":\"代办\",\"locationNodeId\":" + building + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand").query(Long.class).single()).isEqualTo(before);
	}
}
