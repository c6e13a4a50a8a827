package org.jinlin.demands.web.open311;

import static org.jinlin.support.DemoAccounts.PASSWORD;
import org.jinlin.support.DemoAccounts;

import java.util.List;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The Open311 GeoReport v2 API: every endpoint in JSON and in XML, the api_key rules (403), unknown
 * services and requests (404), invalid requests (400) in the spec's error format, and a request raised
 * through the API showing up in GET requests, requests/{id} and tokens/{token} with its public view only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Open311Tests {

	static final String KEY = DemoAccounts.OPEN311_KEY;


	static final String JUNMEN_G01_BUILDING = "350102004001G01C01B01";

	static final String JSON_TYPE = "application/json;charset=UTF-8";

	static final String XML_TYPE = "text/xml;charset=UTF-8";

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	long building;

	@BeforeEach
	void setUp() {
		building = territories.lookupByCode(JUNMEN_G01_BUILDING).orElseThrow().id();
	}

	MockHttpServletRequestBuilder raise(String suffix) {
		return post("/open311/v2/requests" + suffix).contentType(MediaType.APPLICATION_FORM_URLENCODED);
	}

	/** A valid POST Service Request of category sanitation at the demo building of 军门社区 grid 1. */
	MockHttpServletRequestBuilder sanitation(String description) {
		return raise(".json").param("api_key", KEY)
			.param("service_code", "sanitation")
			.param("description", description)
			.param("address_id", String.valueOf(building));
	}

	/** Raises a demand through the API; returns its id and token. */
	String[] raised(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult r = mvc.perform(request).andExpect(status().isOk()).andReturn();
		String body = r.getResponse().getContentAsString();
		return new String[] { JsonPath.read(body, "$[0].service_request_id"), JsonPath.read(body, "$[0].token") };
	}

	// ------------------------------------------------------------------ discovery and services

	/**
	 * A lone UTF-16 surrogate or a control character in a description, sent through Open311 and through the JSON API,
	 * is cleaned before it is stored: the public XML feed, which cannot encode them, still answers 200.
	 */
	@Test
	void textThatCannotBeEncodedIsCleanedSoTheFeedsKeepWorking() throws Exception {
		String[] viaOpen311 = raised(sanitation("坏\ud800字\u0007符"));
		mvc.perform(get("/open311/v2/requests/" + viaOpen311[0] + ".json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].description").value("坏字符"));
		MvcResult api = mvc.perform(post("/api/v1/demands").with(DemoAccounts.as(DemoAccounts.COMMUNITY))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"sanitation\",\"description\":\"坏\\ud800字\\udc00符\\u0001\",\"channel\":\"PHONE_CALL\","
						+ "\"locationNodeId\":" + building + "}"))
			.andExpect(status().isCreated()).andReturn();
		long id = ((Number) JsonPath.read(api.getResponse().getContentAsString(), "$.id")).longValue();
		mvc.perform(get("/api/v1/demands/" + id).with(DemoAccounts.as(DemoAccounts.COMMUNITY)))
			.andExpect(jsonPath("$.description").value("坏字符"));
		mvc.perform(get("/open311/v2/requests.xml")).andExpect(status().isOk());
		mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk());
	}

	@Test
	void discoveryInJsonAndXml() throws Exception {
		mvc.perform(get("/open311/v2/discovery.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(JSON_TYPE))
			.andExpect(jsonPath("$.changeset").value(startsWith("2026-")))
			.andExpect(jsonPath("$.key_service").value(containsString("OPEN311")))
			.andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
			.andExpect(jsonPath("$.endpoints[0].url").value("http://localhost/open311/v2"))
			.andExpect(jsonPath("$.endpoints[0].type").value("production"))
			.andExpect(jsonPath("$.endpoints[0].formats", hasItem("text/xml")))
			.andExpect(jsonPath("$.endpoints[0].formats", hasItem("application/json")));
		mvc.perform(get("/open311/v2/discovery.xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(content().string(matchesPattern("(?s)<\\?xml version=['\"]1.0['\"] encoding=['\"]UTF-8['\"]\\?><discovery>.*")))
			.andExpect(xpath("/discovery/endpoints/endpoint/specification").string("http://wiki.open311.org/GeoReport_v2"))
			.andExpect(xpath("/discovery/endpoints/endpoint/formats/format").nodeCount(2))
			.andExpect(xpath("/discovery/endpoints/endpoint/type").string("production"));
	}

	@Test
	void servicesListTheActiveCategoriesInJsonAndXml() throws Exception {
		// No suffix: JSON.
		mvc.perform(get("/open311/v2/services"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(JSON_TYPE))
			.andExpect(jsonPath("$[?(@.service_code == 'elevator')].metadata").value(true))
			.andExpect(jsonPath("$[?(@.service_code == 'elevator')].service_name").value("电梯故障"))
			.andExpect(jsonPath("$[?(@.service_code == 'elevator')].group").value("住房与物业"))
			.andExpect(jsonPath("$[?(@.service_code == 'sanitation')].metadata").value(false))
			.andExpect(jsonPath("$[*].type", everyItem(is("realtime"))));
		mvc.perform(get("/open311/v2/services.json").param("lang", "en"))
			.andExpect(jsonPath("$[?(@.service_code == 'elevator')].service_name").value("Lift out of order"));
		int active = jdbc.sql("SELECT COUNT(*) FROM demand_category WHERE active = TRUE").query(Integer.class).single();
		mvc.perform(get("/open311/v2/services.xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/services/service").nodeCount(active))
			.andExpect(xpath("/services/service[service_code='elevator']/metadata").string("true"))
			.andExpect(xpath("/services/service[service_code='elevator']/type").string("realtime"))
			.andExpect(xpath("/services/service[service_code='elevator']/keywords").string("电梯,困人"));
	}

	@Test
	void serviceDefinitionListsTheAttributesInJsonAndXml() throws Exception {
		mvc.perform(get("/open311/v2/services/elevator.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service_code").value("elevator"))
			.andExpect(jsonPath("$.attributes", hasSize(1)))
			.andExpect(jsonPath("$.attributes[0].variable").value(true))
			.andExpect(jsonPath("$.attributes[0].code").value("trapped"))
			.andExpect(jsonPath("$.attributes[0].datatype").value("singlevaluelist"))
			.andExpect(jsonPath("$.attributes[0].required").value(true))
			.andExpect(jsonPath("$.attributes[0].order").value(1))
			.andExpect(jsonPath("$.attributes[0].values[*].key", is(List.of("yes", "no"))));
		mvc.perform(get("/open311/v2/services/noise.xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/service_definition/service_code").string("noise"))
			.andExpect(xpath("/service_definition/attributes/attribute/datatype").string("multivaluelist"))
			.andExpect(xpath("/service_definition/attributes/attribute/required").string("false"))
			.andExpect(xpath("/service_definition/attributes/attribute/values/value").nodeCount(4))
			.andExpect(xpath("/service_definition/attributes/attribute/values/value[1]/key").string("morning"));
		// No suffix: JSON; a category without questions has none.
		mvc.perform(get("/open311/v2/services/sanitation"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(JSON_TYPE))
			.andExpect(jsonPath("$.attributes", hasSize(0)));
	}

	@Test
	void anUnknownServiceIsNotFoundInTheSpecsErrorFormat() throws Exception {
		mvc.perform(get("/open311/v2/services/no-such-service.json"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(JSON_TYPE))
			.andExpect(jsonPath("$[0].code").value(404))
			.andExpect(jsonPath("$[0].description").value(containsString("no-such-service")));
		mvc.perform(get("/open311/v2/services/no-such-service.xml"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/errors/error/code").string("404"))
			.andExpect(xpath("/errors/error/description").string(containsString("no-such-service")));
	}

	@Test
	void unknownPathsAndMethodsAreNotFoundInTheSpecsErrorFormat() throws Exception {
		mvc.perform(get("/open311/v2/nothing-here.xml"))
			.andExpect(status().isNotFound())
			.andExpect(xpath("/errors/error/code").string("404"));
		mvc.perform(put("/open311/v2/requests.json"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404));
		mvc.perform(get("/open311/v2/services.html"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404));
	}

	// ------------------------------------------------------------------ POST requests: api_key

	@Test
	void raisingWithoutAValidOpen311KeyIsForbidden() throws Exception {
		mvc.perform(raise(".json").param("service_code", "sanitation").param("description", "没有 key")
				.param("address_id", String.valueOf(building)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(JSON_TYPE))
			.andExpect(jsonPath("$[0].code").value(403))
			.andExpect(jsonPath("$[0].description").value(containsString("api_key")));
		mvc.perform(raise(".xml").param("api_key", "not-a-key").param("service_code", "sanitation")
				.param("description", "错误的 key").param("address_id", String.valueOf(building)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/errors/error/code").string("403"));

		// A valid key of another purpose (READ) may not raise requests.
		String body = mvc.perform(post("/api/v1/api-keys").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"open311-test-read-" + System.nanoTime() + "\",\"purpose\":\"READ\",\"territoryCode\":\"350100\"}"))
			.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
		String readKey = JsonPath.read(body, "$.key");
		mvc.perform(raise(".json").param("api_key", readKey).param("service_code", "sanitation")
				.param("description", "READ key").param("address_id", String.valueOf(building)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$[0].code").value(403));

		// An OPEN311 key works until it is revoked.
		body = mvc.perform(post("/api/v1/api-keys").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"open311-test-" + System.nanoTime() + "\",\"purpose\":\"OPEN311\",\"territoryCode\":\"350100\"}"))
			.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
		String key = JsonPath.read(body, "$.key");
		Number keyId = JsonPath.read(body, "$.id");
		mvc.perform(sanitation("新 key 可用").param("api_key", key)).andExpect(status().isOk());
		mvc.perform(delete("/api/v1/api-keys/" + keyId).with(httpBasic("admin", PASSWORD)))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(raise(".json").param("api_key", key).param("service_code", "sanitation")
				.param("description", "已吊销的 key").param("address_id", String.valueOf(building)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand WHERE description IN ('没有 key', '错误的 key', 'READ key', '已吊销的 key')")
			.query(Integer.class).single()).isZero();
	}

	// ------------------------------------------------------------------ POST requests: validation

	@Test
	void anUnknownServiceCodeIsABadRequest() throws Exception {
		mvc.perform(raise(".json").param("api_key", KEY).param("service_code", "no-such-service")
				.param("description", "未知类别").param("address_id", String.valueOf(building)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].code").value(400))
			.andExpect(jsonPath("$[0].description").value(startsWith("service_code:")));
		mvc.perform(raise(".xml").param("api_key", KEY).param("service_code", "no-such-service")
				.param("description", "未知类别").param("address_id", String.valueOf(building)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/errors/error/code").string("400"))
			.andExpect(xpath("/errors/error/description").string(startsWith("service_code:")));
	}

	@Test
	void aDescriptionOverFourThousandCharactersIsABadRequest() throws Exception {
		mvc.perform(sanitation("长".repeat(4001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].code").value(400))
			.andExpect(jsonPath("$[0].description").value(startsWith("description:")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand WHERE LENGTH(description) > 4000").query(Integer.class).single())
			.isZero();
		// 4,000 is still fine.
		String[] ok = raised(sanitation("长".repeat(4000)));
		mvc.perform(get("/open311/v2/requests/" + ok[0] + ".json"))
			.andExpect(jsonPath("$[0].description").value("长".repeat(4000)));
	}

	@Test
	void aRequiredAttributeLeftOutIsABadRequest() throws Exception {
		mvc.perform(raise(".json").param("api_key", KEY).param("service_code", "elevator")
				.param("description", "3号楼电梯停在两层之间").param("address_id", String.valueOf(building)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].code").value(400))
			.andExpect(jsonPath("$[0].description").value(startsWith("attribute[trapped]:")));
		mvc.perform(raise(".xml").param("api_key", KEY).param("service_code", "elevator")
				.param("description", "3号楼电梯停在两层之间").param("address_id", String.valueOf(building))
				.param("attribute[trapped]", "maybe"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("/errors/error/description").string(startsWith("attribute[trapped]:")));

		String[] ids = raised(raise(".json").param("api_key", KEY).param("service_code", "elevator")
			.param("description", "3号楼电梯停在两层之间，有人被困").param("address_id", String.valueOf(building))
			.param("attribute[trapped]", "yes"));
		assertThat(jdbc.sql("SELECT a.answer FROM demand_attribute_value a WHERE a.demand_id = ? AND a.code = 'trapped'")
			.param(Long.parseLong(ids[0])).query(String.class).single()).isEqualTo("yes");
	}

	@Test
	void multipleChoiceAnswersComeAsRepeatedParameters() throws Exception {
		String[] ids = raised(raise(".json").param("api_key", KEY).param("service_code", "noise")
			.param("description", "楼下广场舞太吵").param("address_id", String.valueOf(building))
			.param("attribute[time-of-day][]", "morning", "evening"));
		assertThat(jdbc.sql("SELECT a.answer FROM demand_attribute_value a WHERE a.demand_id = ? AND a.code = 'time-of-day'")
			.param(Long.parseLong(ids[0])).query(String.class).single()).isEqualTo("morning,evening");
	}

	@Test
	void aRequestNeedsALocation() throws Exception {
		mvc.perform(raise(".json").param("api_key", KEY).param("service_code", "sanitation")
				.param("description", "没有位置"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("lat/long, address_id or address_string:")));
		mvc.perform(raise(".json").param("api_key", KEY).param("service_code", "sanitation")
				.param("description", "坐标不是数字").param("lat", "north").param("long", "119.3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("lat:")));
		mvc.perform(raise(".json").param("api_key", KEY).param("service_code", "sanitation")
				.param("description", "地址编号不是数字").param("address_id", "B-12"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("address_id:")));
	}

	// ------------------------------------------------------------------ a raised request, read back

	@Test
	void aRaisedRequestAppearsInRequestsByIdAndByTokenWithItsPublicViewOnly() throws Exception {
		var node = territories.lookupByCode(JUNMEN_G01_BUILDING).orElseThrow();
		MvcResult created = mvc.perform(raise(".xml").param("api_key", KEY)
				.param("service_code", "sanitation")
				.param("description", "小区门口垃圾三天没人清运")
				.param("lat", String.valueOf(node.latitude())).param("long", String.valueOf(node.longitude()))
				.param("first_name", "小明").param("last_name", "王").param("phone", "13812345678")
				.param("email", "wang@example.org"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/service_requests/request/service_request_id").exists())
			.andExpect(xpath("/service_requests/request/token").exists())
			.andExpect(xpath("/service_requests/request/service_notice").string(containsString("working")))
			.andExpect(xpath("/service_requests/request/account_id").string(""))
			.andReturn();
		String xml = created.getResponse().getContentAsString();
		String id = xml.replaceAll("(?s).*<service_request_id>([0-9]+)</service_request_id>.*", "$1");
		String token = xml.replaceAll("(?s).*<token>([^<]+)</token>.*", "$1");

		// Raised through the Open311 channel, by the key, in the grid of the point; the contact masked.
		var row = jdbc.sql("SELECT channel, raised_by, token, grid_id, raiser_display FROM demand WHERE id = ?")
			.param(Long.parseLong(id)).query().singleRow();
		assertThat(row.get("channel")).isEqualTo("OPEN311");
		assertThat(row.get("raised_by")).isEqualTo("apikey:demo-open311");
		assertThat(row.get("token")).isEqualTo(token);
		assertThat(((Number) row.get("grid_id")).longValue())
			.isEqualTo(territories.lookupByCode("350102004001G01").orElseThrow().id());
		assertThat((String) row.get("raiser_display")).startsWith("王").doesNotContain("小明");

		String notPersonal = "13812345678";
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].service_request_id").value(id))
			.andExpect(jsonPath("$[0].status").value("open"))
			.andExpect(jsonPath("$[0].service_code").value("sanitation"))
			.andExpect(jsonPath("$[0].service_name").value("环境卫生"))
			.andExpect(jsonPath("$[0].description").value("小区门口垃圾三天没人清运"))
			.andExpect(jsonPath("$[0].agency_responsible").value(containsString("网格")))
			.andExpect(jsonPath("$[0].requested_datetime").value(endsWith("+08:00")))
			.andExpect(jsonPath("$[0].address").value(containsString("军门社区")))
			.andExpect(jsonPath("$[0].lat").isNumber())
			.andExpect(jsonPath("$[0].long").isNumber())
			.andExpect(content().string(not(containsString(notPersonal))))
			.andExpect(content().string(not(containsString("小明"))))
			.andExpect(content().string(not(containsString("wang@example.org"))));
		mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", id))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XML_TYPE))
			.andExpect(xpath("/service_requests/request").nodeCount(1))
			.andExpect(xpath("/service_requests/request/status").string("open"))
			.andExpect(xpath("/service_requests/request/service_code").string("sanitation"));
		// The default window (last 90 days) includes it.
		mvc.perform(get("/open311/v2/requests.json").param("service_code", "sanitation").param("page_size", "1000"))
			.andExpect(jsonPath("$[*].service_request_id", hasItem(id)));

		mvc.perform(get("/open311/v2/requests/" + id + ".json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].service_request_id").value(id))
			.andExpect(jsonPath("$[0].status").value("open"));
		mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
			.andExpect(status().isOk())
			.andExpect(xpath("/service_requests/request/service_request_id").string(id))
			.andExpect(xpath("/service_requests/request/status").string("open"));
		mvc.perform(get("/open311/v2/requests/" + id))
			.andExpect(status().isOk())
			.andExpect(content().contentType(JSON_TYPE));

		mvc.perform(get("/open311/v2/tokens/" + token + ".json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].service_request_id").value(id))
			.andExpect(jsonPath("$[0].token").value(token));
		mvc.perform(get("/open311/v2/tokens/" + token + ".xml"))
			.andExpect(status().isOk())
			.andExpect(xpath("/service_requests/request/service_request_id").string(id))
			.andExpect(xpath("/service_requests/request/token").string(token));
	}

	@Test
	void unknownRequestsAndTokensAreNotFound() throws Exception {
		mvc.perform(get("/open311/v2/requests/999999999.json"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404));
		mvc.perform(get("/open311/v2/requests/abc.xml"))
			.andExpect(status().isNotFound())
			.andExpect(xpath("/errors/error/code").string("404"));
		mvc.perform(get("/open311/v2/tokens/00000000-0000-0000-0000-000000000000.json"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404));
		mvc.perform(get("/open311/v2/tokens/00000000-0000-0000-0000-000000000000.xml"))
			.andExpect(status().isNotFound())
			.andExpect(xpath("/errors/error/code").string("404"));
	}

	// ------------------------------------------------------------------ GET requests: filters and paging

	@Test
	void requestsArePagedWithPageAndPageSize() throws Exception {
		String a = raised(sanitation("分页一"))[0];
		String b = raised(sanitation("分页二"))[0];
		String c = raised(sanitation("分页三"))[0];
		String ids = a + "," + b + "," + c;
		// Newest first.
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", ids).param("page_size", "2"))
			.andExpect(jsonPath("$[*].service_request_id", is(List.of(c, b))));
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", ids).param("page_size", "2")
				.param("page", "2"))
			.andExpect(jsonPath("$[*].service_request_id", is(List.of(a))));
		mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", ids).param("page_size", "2")
				.param("page", "3"))
			.andExpect(status().isOk())
			.andExpect(xpath("/service_requests/request").nodeCount(0));
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", ids))
			.andExpect(jsonPath("$", hasSize(3)));

		mvc.perform(get("/open311/v2/requests.json").param("page_size", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("page_size:")));
		mvc.perform(get("/open311/v2/requests.json").param("page_size", "1001"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests.xml").param("page", "first"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("/errors/error/description").string(startsWith("page:")));
	}

	@Test
	void requestsAreFilteredByStatusAndAResolvedOneIsClosedWithItsPhoto() throws Exception {
		String open = raised(sanitation("状态筛选：仍未处理"))[0];
		String done = raised(sanitation("状态筛选：将被处理"))[0];
		mvc.perform(post("/api/v1/demands/" + done + "/sign").with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk());
		MockMultipartFile resolution = new MockMultipartFile("resolution", "", MediaType.APPLICATION_JSON_VALUE,
				"{\"outcome\":\"RESOLVED\",\"reply\":\"垃圾已清运完毕。\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		MockMultipartFile photo = new MockMultipartFile("photos", "after.png", "image/png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		mvc.perform(multipart("/api/v1/demands/" + done + "/resolve").file(resolution).file(photo)
				.with(httpBasic("junmen-grid1", PASSWORD)))
			.andExpect(status().isOk());
		long photoId = jdbc.sql("SELECT MIN(id) FROM demand_photo WHERE demand_id = ?").param(Long.parseLong(done))
			.query(Long.class).single();

		mvc.perform(get("/open311/v2/requests.json").param("service_code", "sanitation").param("status", "closed")
				.param("page_size", "1000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].service_request_id", hasItem(done)))
			.andExpect(jsonPath("$[*].service_request_id", not(hasItem(open))))
			.andExpect(jsonPath("$[*].status", everyItem(is("closed"))));
		mvc.perform(get("/open311/v2/requests.xml").param("service_code", "sanitation").param("status", "open")
				.param("page_size", "1000"))
			.andExpect(status().isOk())
			.andExpect(xpath("/service_requests/request[service_request_id='" + open + "']/status").string("open"))
			.andExpect(xpath("/service_requests/request[service_request_id='" + done + "']").doesNotExist())
			.andExpect(xpath("/service_requests/request[status='closed']").doesNotExist());
		mvc.perform(get("/open311/v2/requests.json").param("service_code", "sanitation").param("status", "open,closed")
				.param("page_size", "1000"))
			.andExpect(jsonPath("$[*].service_request_id", hasItem(open)))
			.andExpect(jsonPath("$[*].service_request_id", hasItem(done)));

		mvc.perform(get("/open311/v2/requests/" + done + ".json"))
			.andExpect(jsonPath("$[0].status").value("closed"))
			.andExpect(jsonPath("$[0].status_notes").value("垃圾已清运完毕。"))
			.andExpect(jsonPath("$[0].media_url").value("http://localhost/public/demands/photos/" + photoId))
			.andExpect(jsonPath("$[0].updated_datetime").value(endsWith("+08:00")));
		mvc.perform(get("/open311/v2/requests/" + open + ".xml"))
			.andExpect(xpath("/service_requests/request/media_url").string(""))
			.andExpect(xpath("/service_requests/request/expected_datetime").string(""));

		mvc.perform(get("/open311/v2/requests.json").param("status", "pending"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("status:")));
	}

	@Test
	void requestsAreFilteredByDate() throws Exception {
		String id = raised(sanitation("日期筛选"))[0];
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		mvc.perform(get("/open311/v2/requests.json").param("service_code", "sanitation")
				.param("start_date", today.minusDays(1) + "T00:00:00+08:00").param("end_date", today.plusDays(1) + "T00:00:00+08:00")
				.param("page_size", "1000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].service_request_id", hasItem(id)));
		// A start date in the future finds nothing of today's; an unencoded "+" arrives as a space and still parses.
		mvc.perform(get("/open311/v2/requests.json").param("service_code", "sanitation")
				.param("start_date", today.plusDays(2) + "T00:00:00 08:00"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/open311/v2/requests.json").param("end_date", today.minusDays(100) + "T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].service_request_id", not(hasItem(id))));

		mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("start_date:")));
		mvc.perform(get("/open311/v2/requests.xml").param("start_date", "2026-01-01T00:00:00Z")
				.param("end_date", "2026-06-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("/errors/error/code").string("400"));
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", "12,abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].description").value(startsWith("service_request_id:")));
	}
}
