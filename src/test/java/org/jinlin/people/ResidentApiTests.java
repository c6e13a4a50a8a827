package org.jinlin.people;

import org.jinlin.support.DemoAccounts;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.jinlin.territory.Territories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident API against the demo city: jurisdiction, validation, voiding, audited reveal, masking. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ResidentApiTests {

	static final String JUNMEN_BUILDING = "350102004001G01C01B01";

	static final String PINGSHAN_BUILDING = "350102002001G01C01B01";

	static final String ZIYANG_BUILDING = "350111003001G01C01B01";

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	long junmenBuilding;

	long pingshanBuilding;

	long ziyangBuilding;

	long junmenCommunity;

	@BeforeEach
	void buildings() {
		junmenBuilding = territories.lookupByCode(JUNMEN_BUILDING).orElseThrow().id();
		pingshanBuilding = territories.lookupByCode(PINGSHAN_BUILDING).orElseThrow().id();
		ziyangBuilding = territories.lookupByCode(ZIYANG_BUILDING).orElseThrow().id();
		junmenCommunity = territories.lookupByCode("350102004001").orElseThrow().id();
	}

	record Created(long id, String idNumber) {
	}

	String body(String name, ResidentFixtures.Identity id, long building, String extra) {
		return """
				{"name":"%s","gender":"%s","birthDate":"%s","idNumber":"%s","phone":"13912345678","buildingId":%d,
				 "unit":"2","room":"502","tags":["EMPTY_NEST","PARTY_MEMBER"],"channel":"PHONE_CALL"%s}"""
			.formatted(name, id.gender(), id.birthDate(), id.idNumber(), building, extra);
	}

	Created create(String user, String name, long building) throws Exception {
		ResidentFixtures.Identity id = ResidentFixtures.nextIdentity();
		String json = mvc.perform(post("/api/v1/residents").with(DemoAccounts.as(user))
				.contentType(MediaType.APPLICATION_JSON).content(body(name, id, building, ",\"reason\":\"电话登记\"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.idNumberMasked", is(id.idNumber().substring(0, 4) + "**********" + id.idNumber().substring(14))))
			.andExpect(jsonPath("$.phoneMasked", is("139****5678")))
			.andReturn().getResponse().getContentAsString();
		assertThat(json).doesNotContain(id.idNumber()).doesNotContain("13912345678");
		return new Created(((Number) JsonPath.read(json, "$.id")).longValue(), id.idNumber());
	}

	/** Ids of the whole list, page by page (the demo city already has thousands of residents). */
	List<Integer> listIds(String user) throws Exception {
		List<Integer> ids = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			String json = mvc.perform(get("/api/v1/residents").param("size", "200").param("page", String.valueOf(page))
					.with(DemoAccounts.as(user)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<Integer> items = JsonPath.read(json, "$.items[*].id");
			ids.addAll(items);
			if (items.isEmpty() || ids.size() >= ((Number) JsonPath.read(json, "$.total")).intValue()) {
				return ids;
			}
		}
	}

	@Test
	void communityWorkerSeesOnlyHerCommunityAndDistrictSeesItsDistrict() throws Exception {
		Created junmen = create("junmen", "林美华", junmenBuilding);
		Created pingshan = create("admin", "陈建国", pingshanBuilding);
		Created ziyang = create("admin", "黄丽珍", ziyangBuilding);

		mvc.perform(get("/api/v1/residents").param("size", "200").with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].communityId", everyItem(is((int) junmenCommunity))));
		assertThat(listIds("junmen")).contains((int) junmen.id()).doesNotContain((int) pingshan.id(), (int) ziyang.id());
		assertThat(listIds("junmen-grid1")).contains((int) junmen.id()).doesNotContain((int) ziyang.id());
		assertThat(listIds("gulou")).contains((int) junmen.id(), (int) pingshan.id()).doesNotContain((int) ziyang.id());
		assertThat(listIds("city")).contains((int) junmen.id(), (int) pingshan.id(), (int) ziyang.id());

		long junmenCount = count("junmen");
		long gulouCount = count("gulou");
		assertThat(junmenCount).isPositive();
		assertThat(gulouCount).isGreaterThan(junmenCount);
	}

	long count(String user) throws Exception {
		String json = mvc.perform(get("/api/v1/residents/count").with(DemoAccounts.as(user)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.count")).longValue();
	}

	@Test
	void anotherJurisdictionsResidentIsNotFound() throws Exception {
		Created ziyang = create("admin", "郑秀兰", ziyangBuilding);
		mvc.perform(get("/api/v1/residents/{id}", ziyang.id()).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/residents/{id}/history", ziyang.id()).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/residents/{id}/reveal", ziyang.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"核实\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/residents/{id}/void", ziyang.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"迁出\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/residents/{id}", 987654321L).with(DemoAccounts.as("junmen")))
			.andExpect(status().isNotFound());
		assertThat(events.stream(ResidentPersonalDataViewed.class)).isEmpty();
		// and the record is untouched
		mvc.perform(get("/api/v1/residents/{id}", ziyang.id()).with(DemoAccounts.as("admin")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status", is("ACTIVE")));
	}

	@Test
	void writesOutsideTheJurisdictionOrWithoutTheRoleAreRefused() throws Exception {
		ResidentFixtures.Identity id = ResidentFixtures.nextIdentity();
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content(body("周志强", id, ziyangBuilding, "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("buildingId")));
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("dongjie")).contentType(MediaType.APPLICATION_JSON)
				.content(body("周志强", id, junmenBuilding, "")))
			.andExpect(status().isForbidden());
		Created r = create("junmen-grid1", "周志强", junmenBuilding);
		mvc.perform(post("/api/v1/residents/{id}/void", r.id()).with(DemoAccounts.as("dongjie"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"迁出\"}"))
			.andExpect(status().isForbidden());
		// a territory node that is not a building
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content(body("周志强", ResidentFixtures.nextIdentity(), junmenCommunity, "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("buildingId")));
	}

	@Test
	void volunteersAndCanteensHaveNoAccessAndResidentsSeeOnlyThemselves() throws Exception {
		Created r = create("junmen", "吴桂英", junmenBuilding);
		for (String user : List.of("volunteer1", "canteen1")) {
			mvc.perform(get("/api/v1/residents").with(DemoAccounts.as(user)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			mvc.perform(get("/api/v1/residents/count").with(DemoAccounts.as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as(user))).andExpect(status().isForbidden());
		}
		// resident1 is linked to her own demo record (DemoResidents): sees only that, cannot open others, cannot reveal
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT resident_id FROM account WHERE username = 'resident1'").query(Long.class).optional().isPresent());
		mvc.perform(get("/api/v1/residents").with(DemoAccounts.as("resident1")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].id", not(is((int) r.id()))));
		mvc.perform(get("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("resident1")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/residents/{id}/reveal", r.id()).with(DemoAccounts.as("resident1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"看看\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents")).andExpect(status().isUnauthorized());
	}

	@Test
	void readKeysListMaskedRowsOfTheirJurisdictionButNeverWriteOrReveal() throws Exception {
		Created junmen = create("junmen", "谢春花", junmenBuilding);
		Created ziyang = create("admin", "谢秋月", ziyangBuilding);
		var node = territories.lookupByCode("350102004001").orElseThrow();
		String key = "test-read-key-" + System.nanoTime();
		String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
			.digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		jdbc.sql("""
				INSERT INTO api_key (name, key_hash, purpose, territory_id, territory_path, created_by, created_at)
				VALUES (?, ?, 'READ', ?, ?, 'test', CURRENT_TIMESTAMP)""").params(key, hash, node.id(), node.path()).update();
		String json = mvc.perform(get("/api/v1/residents").param("size", "200").header("X-Api-Key", key))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Integer> ids = JsonPath.read(json, "$.items[*].id");
		assertThat(ids).contains((int) junmen.id()).doesNotContain((int) ziyang.id());
		assertThat(json).doesNotContain(junmen.idNumber());
		mvc.perform(get("/api/v1/residents/{id}", ziyang.id()).header("X-Api-Key", key)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/residents/{id}/reveal", junmen.id()).header("X-Api-Key", key)
				.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"x\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void createWithABadIdNumberIsA400WithFieldErrorsAndWritesNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single();
		long householdsBefore = jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
		ResidentFixtures.Identity id = ResidentFixtures.nextIdentity();
		String wrongCheck = id.idNumber().substring(0, 17) + (id.idNumber().charAt(17) == '1' ? "2" : "1");
		ResidentFixtures.Identity bad = new ResidentFixtures.Identity(wrongCheck, id.birthDate(), id.gender());
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content(body("孙丽", bad, junmenBuilding, "")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field", is("idNumber")))
			.andExpect(jsonPath("$.errors[0].code", is("people.error.idNumber.checksum")));
		// gender that disagrees with the number
		Gender other = id.gender() == Gender.MALE ? Gender.FEMALE : Gender.MALE;
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content(body("孙丽", new ResidentFixtures.Identity(id.idNumber(), id.birthDate(), other), junmenBuilding, "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("gender")));
		// Bean Validation on the request body
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"gender\":\"MALE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("idNumber")));
		// malformed JSON and unknown enum values
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON)
				.content(body("孙丽", id, junmenBuilding, "").replace("PARTY_MEMBER", "VIP")))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single()).isEqualTo(householdsBefore);
	}

	@Test
	void duplicateIdNumbersAreRefusedUntilTheRecordIsVoided() throws Exception {
		Created r = create("junmen", "郭明", junmenBuilding);
		String json = mvc.perform(get("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("junmen")))
			.andReturn().getResponse().getContentAsString();
		Gender g = Gender.valueOf(JsonPath.read(json, "$.gender"));
		java.time.LocalDate birth = java.time.LocalDate.parse(JsonPath.read(json, "$.birthDate"));
		String again = body("郭明", new ResidentFixtures.Identity(r.idNumber(), birth, g), junmenBuilding, "");
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON).content(again))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code", is("people.error.idNumber.duplicate")));
		mvc.perform(post("/api/v1/residents/{id}/void", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复登记\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/residents").with(DemoAccounts.as("junmen")).contentType(MediaType.APPLICATION_JSON).content(again))
			.andExpect(status().isCreated());
	}

	@Test
	void voidRequiresAReasonAndKeepsTheRecord() throws Exception {
		Created r = create("junmen", "何淑贞", junmenBuilding);
		mvc.perform(post("/api/v1/residents/{id}/void", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("reason")));
		mvc.perform(post("/api/v1/residents/{id}/void", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"   \"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.status", is("ACTIVE")));
		assertThat(events.stream(ResidentVoided.class)).isEmpty();

		mvc.perform(post("/api/v1/residents/{id}/void", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已迁出本社区\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("VOIDED")))
			.andExpect(jsonPath("$.voidReason", is("已迁出本社区")))
			.andExpect(jsonPath("$.voidedBy", is("junmen")));
		assertThat(events.stream(ResidentVoided.class)).singleElement()
			.satisfies(e -> assertThat(e.residentId()).isEqualTo(r.id()))
			.satisfies(e -> assertThat(e.communityId()).isEqualTo(junmenCommunity));
		mvc.perform(post("/api/v1/residents/{id}/void", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/residents/{id}/history", r.id()).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$[0].changeType", is("VOIDED")))
			.andExpect(jsonPath("$[0].reason", is("已迁出本社区")))
			.andExpect(jsonPath("$[1].changeType", is("REGISTERED")))
			.andExpect(jsonPath("$[1].channel", is("PHONE_CALL")));
		// voided records leave the default list but can be listed explicitly
		assertThat(listIds("junmen")).doesNotContain((int) r.id());
		mvc.perform(get("/api/v1/residents").param("status", "VOIDED").param("size", "200").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) r.id())));
	}

	@Test
	void updateRequiresAReasonAndRecordsFieldNamesOnly() throws Exception {
		Created r = create("junmen", "高玉兰", junmenBuilding);
		String json = mvc.perform(get("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("junmen")))
			.andReturn().getResponse().getContentAsString();
		String update = """
				{"name":"高玉兰","gender":"%s","birthDate":"%s","idNumber":"%s","phone":"0591-87654321","buildingId":%d,
				 "unit":"2","room":"502","tags":["EMPTY_NEST","PARTY_MEMBER","LIVING_ALONE"],"version":0%s}""";
		String without = update.formatted(JsonPath.read(json, "$.gender"), JsonPath.read(json, "$.birthDate"), r.idNumber(),
				junmenBuilding, "");
		mvc.perform(put("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content(without))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field", is("reason")));
		String with = update.formatted(JsonPath.read(json, "$.gender"), JsonPath.read(json, "$.birthDate"), r.idNumber(),
				junmenBuilding, ",\"reason\":\"居民来电更正电话\"");
		mvc.perform(put("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content(with))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phoneMasked", is("059******4321")))
			.andExpect(jsonPath("$.version", is(1)));
		// a stale version is a conflict
		mvc.perform(put("/api/v1/residents/{id}", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content(with))
			.andExpect(status().isConflict());
		String history = mvc.perform(get("/api/v1/residents/{id}/history", r.id()).with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$[0].changeType", is("UPDATED")))
			.andExpect(jsonPath("$[0].changedFields", is(List.of("phone", "tags"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(history).doesNotContain("87654321").doesNotContain(r.idNumber());
		assertThat(jdbc.sql("SELECT changed_fields FROM resident_change WHERE resident_id = ?").param(r.id())
			.query(String.class).list().toString()).doesNotContain("8765");
		assertThat(events.stream(ResidentUpdated.class)).singleElement()
			.satisfies(e -> assertThat(e.changedFields()).containsExactly("phone", "tags"));
	}

	@Test
	void revealReturnsFullDataAndPublishesTheAuditEvent() throws Exception {
		Created r = create("junmen", "许建华", junmenBuilding);
		mvc.perform(post("/api/v1/residents/{id}/reveal", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"\"}"))
			.andExpect(status().isBadRequest());
		assertThat(events.stream(ResidentPersonalDataViewed.class)).isEmpty();
		mvc.perform(post("/api/v1/residents/{id}/reveal", r.id()).with(DemoAccounts.as("junmen"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"purpose\":\"办理高龄补贴核实身份\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idNumber", is(r.idNumber())))
			.andExpect(jsonPath("$.phone", is("13912345678")));
		assertThat(events.stream(ResidentPersonalDataViewed.class)).singleElement().satisfies(e -> {
			assertThat(e.residentId()).isEqualTo(r.id());
			assertThat(e.viewer()).isEqualTo("junmen");
			assertThat(e.purpose()).isEqualTo("办理高龄补贴核实身份");
			assertThat(e.at()).isNotNull();
		});
	}

	@Test
	void listsAndDetailsNeverContainAFullIdNumberOrPhone() throws Exception {
		Created a = create("junmen", "林秀珍", junmenBuilding);
		Created b = create("junmen", "林国平", junmenBuilding);
		String list = mvc.perform(get("/api/v1/residents").param("name", "林").param("size", "200")
				.with(DemoAccounts.as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) a.id())))
			.andExpect(jsonPath("$.items[*].name", everyItem(org.hamcrest.Matchers.startsWith("林"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain(a.idNumber()).doesNotContain(b.idNumber()).doesNotContain("13912345678")
			.doesNotContain("Cipher").doesNotContain("cipher");
		String one = mvc.perform(get("/api/v1/residents/{id}", a.id()).with(DemoAccounts.as("junmen")))
			.andReturn().getResponse().getContentAsString();
		assertThat(one).doesNotContain(a.idNumber()).doesNotContain("13912345678");
		// stored encrypted
		String stored = jdbc.sql("SELECT id_number_cipher FROM resident WHERE id = ?").param(a.id()).query(String.class).single();
		assertThat(stored).doesNotContain(a.idNumber());
	}

	@Test
	void searchFiltersByTagCommunityAndBuilding() throws Exception {
		Created a = create("junmen", "蔡阿婆", junmenBuilding);
		mvc.perform(get("/api/v1/residents").param("tag", "PARTY_MEMBER").param("size", "200").with(DemoAccounts.as("gulou")))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) a.id())))
			.andExpect(jsonPath("$.items[*].tags", everyItem(hasItem("PARTY_MEMBER"))));
		mvc.perform(get("/api/v1/residents").param("tag", "VETERAN").param("size", "200").with(DemoAccounts.as("gulou")))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) a.id()))));
		mvc.perform(get("/api/v1/residents").param("community", "350102004001").param("size", "200").with(DemoAccounts.as("gulou")))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) a.id())));
		mvc.perform(get("/api/v1/residents").param("community", "350102002001").param("size", "200").with(DemoAccounts.as("gulou")))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) a.id()))));
		mvc.perform(get("/api/v1/residents").param("building", String.valueOf(junmenBuilding)).param("size", "200")
				.with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.items[*].buildingId", everyItem(is((int) junmenBuilding))));
		// another jurisdiction's community as a filter yields nothing, not its residents
		create("admin", "黄阿伯", ziyangBuilding);
		mvc.perform(get("/api/v1/residents").param("community", "350111003001").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.total", is(0)));
		mvc.perform(get("/api/v1/residents/count").param("community", "350111003001").with(DemoAccounts.as("junmen")))
			.andExpect(jsonPath("$.count", is(0)));
	}

}
