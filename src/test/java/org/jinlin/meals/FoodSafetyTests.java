package org.jinlin.meals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.meals.internal.FoodSafety;
import org.jinlin.meals.internal.SampleRules;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Food safety on the demo city: canteen1 logs retained samples (weight, photo checked), disposes of them only after 48
 * hours, records kitchen checks; a meal served without a sample of each dish is flagged once with one event; the
 * street's staff see the records, residents do not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class FoodSafetyTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FoodSafety safety;

	@Autowired
	ApplicationEvents events;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor page(String username) {
		return user(users.loadUserByUsername(username));
	}

	LocalDate today() {
		return LocalDate.now(ZONE);
	}

	long canteen() {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
	}

	List<String> dishes(LocalDate day, MealTime meal) {
		return jdbc.sql("SELECT name FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND meal = ? ORDER BY line")
			.params(canteen(), day, meal.name()).query(String.class).list();
	}

	ResultActions api(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user,
			String json) throws Exception {
		return mvc.perform(request.with(DemoAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long logSample(String dish, MealTime meal) throws Exception {
		String body = api(post("/api/v1/meals/samples"), "canteen1", """
				{"servedOn": "%s", "meal": "%s", "dish": "%s", "weightGrams": 150, "fridge": "1号留样冰箱"}"""
			.formatted(today(), meal, dish))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	String canteenName() {
		return jdbc.sql("SELECT f.name FROM care_facility f JOIN meal_place p ON p.facility_id = f.id WHERE p.id = ?")
			.param(canteen()).query(String.class).single();
	}

	@Test
	void theApiLogsASampleWithoutAPhotoAndThePagesNameThePlace() throws Exception {
		String body = api(post("/api/v1/meals/samples"), "canteen1", """
				{"servedOn": "%s", "meal": "LUNCH", "dish": "无照片留样", "weightGrams": 130, "fridge": "2号留样冰箱"}"""
			.formatted(today()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.photo", is(false)))
			.andExpect(jsonPath("$.weightGrams", is(130)))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		try {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sample WHERE id = ? AND photo IS NULL AND photo_type IS NULL")
				.param(id).query(Long.class).single()).isEqualTo(1);
			mvc.perform(get("/meals/samples/" + id + "/photo").with(page("canteen1"))).andExpect(status().isNotFound());
			// the missing-samples flags (the demo forgot some last month) name the canteen, not its id
			assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sample_missing WHERE place_id = ?").param(canteen())
				.query(Long.class).single()).isPositive();
			mvc.perform(get("/meals/samples").with(page("dongjie")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("（" + canteenName() + "）缺少留样")));
			mvc.perform(get("/meals/settlements").with(page("canteen1")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<span id=\"settlement-place\">" + canteenName() + "</span>")));
		}
		finally {
			jdbc.sql("DELETE FROM meal_sample WHERE id = ?").param(id).update();
		}
	}

	@Test
	void aSampleIsLoggedWithItsWeightAndDisposedOfOnlyAfter48Hours() throws Exception {
		long id = logSample("测试留样汤", MealTime.LUNCH);
		api(post("/api/v1/meals/samples"), "canteen1", """
				{"servedOn": "%s", "meal": "LUNCH", "dish": "太少", "weightGrams": 124, "fridge": "1号留样冰箱"}""".formatted(today()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("weightGrams")));
		api(post("/api/v1/meals/samples/" + id + "/disposal"), "canteen1", "")
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("48")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sample WHERE id = ? AND disposed_at IS NULL").param(id)
			.query(Long.class).single()).isEqualTo(1);
		jdbc.sql("UPDATE meal_sample SET taken_at = ? WHERE id = ?")
			.params(java.time.OffsetDateTime.now().minusHours(48).minusMinutes(1), id).update();
		api(post("/api/v1/meals/samples/" + id + "/disposal"), "canteen1", "")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.disposedBy", is("canteen1")));
		api(post("/api/v1/meals/samples/" + id + "/disposal"), "canteen1", "").andExpect(status().isConflict());
		api(get("/api/v1/meals/samples"), "dongjie", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		api(post("/api/v1/meals/samples/" + id + "/disposal"), "dongjie", "").andExpect(status().isForbidden());
		api(get("/api/v1/meals/samples"), "resident1", "").andExpect(status().isForbidden());
	}

	@Test
	void aServedMealWithoutASampleOfEachDishIsFlaggedOnceWithOneEvent() throws Exception {
		LocalDate tomorrow = today().plusDays(1);
		// the demo's diners ordered tomorrow's lunch; once it is over, no sample has been logged for it
		LocalDateTime after = tomorrow.atTime(15, 0);
		try {
			assertThat(safety.flagMissing(after)).isPositive();
			List<SamplesMissing> flagged = events.stream(SamplesMissing.class)
				.filter(e -> e.placeId() == canteen() && e.servedOn().equals(tomorrow) && e.meal() == MealTime.LUNCH)
				.toList();
			assertThat(flagged).hasSize(1);
			assertThat(flagged.get(0).dishes()).containsExactlyElementsOf(dishes(tomorrow, MealTime.LUNCH));
			safety.flagMissing(after);
			assertThat(events.stream(SamplesMissing.class)
				.filter(e -> e.placeId() == canteen() && e.servedOn().equals(tomorrow) && e.meal() == MealTime.LUNCH))
				.as("once per meal").hasSize(1);
			mvc.perform(get("/meals/samples").with(page("dongjie")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"flags\"")))
				.andExpect(content().string(containsString(dishes(tomorrow, MealTime.LUNCH).get(0))))
				.andExpect(content().string(not(containsString("id=\"sample-form\""))));
		}
		finally {
			jdbc.sql("DELETE FROM meal_sample_missing WHERE place_id = ? AND served_on >= ?").params(canteen(), today()).update();
		}
		events.clear();

		// today's meal: a walk-in sale, then a sample of each dish of its menu: not flagged
		MealTime meal = SampleRules.mealAt(LocalTime.now(ZONE));
		mvc.perform(post("/api/v1/meals/sales").header("X-Api-Key", DemoAccounts.CANTEEN_KEY)
			.contentType(MediaType.APPLICATION_JSON).content("{\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isCreated());
		for (String dish : dishes(today(), meal)) {
			logSample(dish, meal);
		}
		safety.flagMissing(today().atTime(23, 0));
		assertThat(events.stream(SamplesMissing.class)
			.filter(e -> e.placeId() == canteen() && e.servedOn().equals(today()) && e.meal() == meal)).isEmpty();
		mvc.perform(get("/meals/samples").with(page("canteen1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sample-form\"")));
	}

	@Test
	void thePageLogsASampleWithAPhotoAndRefusesAFileThatIsNoImage() throws Exception {
		MockMultipartFile fake = new MockMultipartFile("photo", "a.png", "image/png", "not an image".getBytes());
		mvc.perform(multipart("/meals/samples").file(fake).with(page("canteen1")).with(csrf())
			.param("meal", "LUNCH").param("dish", "照片测试菜").param("weightGrams", "130").param("fridge", "2号留样冰箱"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("照片须为 JPEG 或 PNG 图片")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sample WHERE dish = '照片测试菜'").query(Long.class).single()).isZero();
		mvc.perform(multipart("/meals/samples").with(page("canteen1")).with(csrf())
			.param("meal", "LUNCH").param("dish", "照片测试菜").param("weightGrams", "abc").param("fridge", "2号留样冰箱"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("125")));
		MockMultipartFile png = new MockMultipartFile("photo", "a.png", "image/png", PNG);
		mvc.perform(multipart("/meals/samples").file(png).with(page("canteen1")).with(csrf())
			.param("meal", "LUNCH").param("dish", "照片测试菜").param("weightGrams", "130").param("fridge", "2号留样冰箱"))
			.andExpect(status().is3xxRedirection());
		long id = jdbc.sql("SELECT id FROM meal_sample WHERE dish = '照片测试菜'").query(Long.class).single();
		mvc.perform(get("/meals/samples/" + id + "/photo").with(page("dongjie")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(PNG));
		mvc.perform(get("/meals/samples/" + id + "/photo").with(page("resident1"))).andExpect(status().isForbidden());
		mvc.perform(post("/meals/samples/" + id + "/disposal").with(page("canteen1")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", containsString("48 小时")));
	}

	@Test
	void kitchenChecksAreSimpleRecordsWithFieldMessages() throws Exception {
		api(post("/api/v1/meals/checks"), "canteen1", "{\"kind\":\"FRIDGE\",\"fridge\":\"1号冰箱\",\"temperature\":4.5}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ok", is(true)));
		api(post("/api/v1/meals/checks"), "canteen1", "{\"kind\":\"FRIDGE\",\"fridge\":\"2号冰箱\",\"temperature\":12}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ok", is(false)));
		api(post("/api/v1/meals/checks"), "canteen1", "{\"kind\":\"STAFF_HEALTH\",\"staffName\":\"张师傅\",\"ok\":false,\"note\":\"发热\"}")
			.andExpect(status().isCreated());
		api(post("/api/v1/meals/checks"), "canteen1", "{\"kind\":\"FRIDGE\",\"temperature\":100}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("temperature")))
			.andExpect(content().string(containsString("fridge")));
		api(post("/api/v1/meals/checks"), "canteen1", "{\"kind\":\"STAFF_HEALTH\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("staffName")));
		api(post("/api/v1/meals/checks"), "canteen1", "{\"kind\":\"OTHER\"}").andExpect(status().isBadRequest());
		api(get("/api/v1/meals/checks"), "dongjie", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].staffName", hasItem("张师傅")));
		mvc.perform(post("/meals/checks").with(page("canteen1")).with(csrf()).param("kind", "FRIDGE").param("fridge", "3号冰箱")
			.param("temperature", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("温度须在")));
		mvc.perform(get("/meals/samples").with(page("canteen1"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("张师傅")));
	}
}
