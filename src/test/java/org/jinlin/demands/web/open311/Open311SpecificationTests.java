package org.jinlin.demands.web.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.accounts.AccountBulkLoad;
import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.support.DemoAccounts;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Open311 GeoReport v2 as the specification reads: a request located only by {@code address_string}, the default
 * list (the last 90 days, up to 1,000), a {@code service_request_id} list answered in full, {@code media_url} kept and
 * shown as a link, and {@code jurisdiction_id} read as the discovery document says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Open311SpecificationTests {

	static final String COMMUNITY_CODE = "350102004001";

	static final String COMPOUND_CODE = "350102004001G01C01";

	static final String BUILDING_CODE = "350102004001G01C01B01";

	@Autowired
	MockMvc mvc;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountBulkLoad accounts;

	@Autowired
	UserDetailsService users;

	MockHttpServletRequestBuilder raise(String key, String description) {
		return post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", key)
			.param("service_code", "sanitation")
			.param("description", description);
	}

	long raised(MockHttpServletRequestBuilder request) throws Exception {
		String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(JsonPath.read(body, "$[0].service_request_id"));
	}

	Map<String, Object> row(long id) {
		return jdbc.sql("SELECT location_node_id, address_label, latitude, needs_locating, media_url, handler_node_id, "
				+ "handler_level, community_id "
				+ "FROM demand WHERE id = ?").param(id).query().singleRow();
	}

	/** A key of purpose OPEN311 bound to 军门社区, as a community's own reporting app would hold. */
	String communityKey() {
		String key = "community-key-" + UUID.randomUUID();
		accounts.issueApiKey("test-" + key, ApiKeyPurpose.OPEN311, COMMUNITY_CODE, "test", key);
		return key;
	}

	// ------------------------------------------------------------------ address_string

	@Test
	void anAddressStringAloneIsMatchedAgainstTheCompoundAndBuildingNames() throws Exception {
		TerritoryNode community = territories.lookupByCode(COMMUNITY_CODE).orElseThrow();
		TerritoryNode compound = territories.lookupByCode(COMPOUND_CODE).orElseThrow();
		TerritoryNode building = territories.lookupByCode(BUILDING_CODE).orElseThrow();
		String address = "福州市" + community.name() + compound.name() + " " + building.name() + "2单元502室";
		long id = raised(raise(DemoAccounts.OPEN311_KEY, "只有地址文字的诉求").param("address_string", address));
		Map<String, Object> row = row(id);
		assertThat(((Number) row.get("location_node_id")).longValue()).isEqualTo(building.id());
		assertThat(row.get("address_label")).isEqualTo(address);
		assertThat(row.get("needs_locating")).isEqualTo(false);
		mvc.perform(get("/open311/v2/requests/" + id + ".json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].address").value(containsString(compound.name())));

		// The compound alone (no building named) places it at the compound.
		long atCompound = raised(raise(DemoAccounts.OPEN311_KEY, "只写了小区").param("address_string",
				community.name() + compound.name() + "大门口"));
		assertThat(((Number) row(atCompound).get("location_node_id")).longValue()).isEqualTo(compound.id());
	}

	@Test
	void anUnmatchedAddressIsKeptAtTheKeysCommunityAndMarkedForAWorkerToLocate() throws Exception {
		TerritoryNode community = territories.lookupByCode(COMMUNITY_CODE).orElseThrow();
		String address = "鼓楼区某路88号后门";
		long id = raised(raise(communityKey(), "地址无法自动对应").param("address_string", address));
		Map<String, Object> row = row(id);
		assertThat(((Number) row.get("location_node_id")).longValue()).isEqualTo(community.id());
		assertThat(row.get("address_label")).isEqualTo(address);
		assertThat(row.get("latitude")).isNull();
		assertThat(row.get("needs_locating")).isEqualTo(true);
		// Routed to the community (a grid category, but no grid is known).
		assertThat(((Number) row.get("handler_node_id")).longValue()).isEqualTo(community.id());
		mvc.perform(get("/demands/" + id).with(user(users.loadUserByUsername(DemoAccounts.COMMUNITY))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-needs-locating\"")))
			.andExpect(content().string(containsString(address)));

		// A city-wide key has no community of its own to keep it at: the spec's 400, naming the location parameters.
		mvc.perform(raise(DemoAccounts.OPEN311_KEY, "城市密钥无法对应").param("address_string", address))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].code").value(400))
			.andExpect(jsonPath("$[0].description").value(startsWith("lat/long, address_id or address_string:")));
	}

	/**
	 * A street's key (a street office's app): an address that matches no place is kept at the street, with no
	 * community, routed to the street office and marked; the street's dispatcher places it at a building, and the
	 * demand goes on to the grid the category's rule names there. Nobody outside the street sees it meanwhile.
	 */
	@Test
	void anUnmatchedAddressSentWithAStreetKeyWaitsAtTheStreetUntilAWorkerLocatesIt() throws Exception {
		TerritoryNode community = territories.lookupByCode(COMMUNITY_CODE).orElseThrow();
		TerritoryNode street = territories.lookup(community.parentId()).orElseThrow();
		TerritoryNode building = territories.lookupByCode(BUILDING_CODE).orElseThrow();
		TerritoryNode grid = territories.lookupByCode(COMMUNITY_CODE + "G01").orElseThrow();
		String key = "street-key-" + UUID.randomUUID();
		accounts.issueApiKey("test-" + key, ApiKeyPurpose.OPEN311, street.code(), "test", key);
		String address = "街道辖内某巷7号旁边的空地";
		long id = raised(raise(key, "街道密钥，地址无法自动对应").param("address_string", address));
		Map<String, Object> row = row(id);
		assertThat(((Number) row.get("location_node_id")).longValue()).isEqualTo(street.id());
		assertThat(row.get("community_id")).isNull();
		assertThat(row.get("needs_locating")).isEqualTo(true);
		assertThat(((Number) row.get("handler_node_id")).longValue()).isEqualTo(street.id());
		assertThat(row.get("handler_level")).isEqualTo("STREET");
		// public: the request and the board show the street, and nothing breaks for want of a community
		mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("open"));
		mvc.perform(get("/public/board/demands/" + id)).andExpect(status().isOk())
			.andExpect(content().string(containsString(street.name())));
		// the street's dispatcher sees the mark and the form; a community worker does not see it at all
		mvc.perform(get("/demands/" + id).with(user(users.loadUserByUsername(DemoAccounts.STREET))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-needs-locating\"")))
			.andExpect(content().string(containsString("id=\"locate-submit\"")));
		mvc.perform(get("/api/v1/demands/" + id).with(DemoAccounts.as(DemoAccounts.COMMUNITY)))
			.andExpect(status().isNotFound());

		// a code that names nothing, or no place at all: field errors, nothing changed
		mvc.perform(post("/api/v1/demands/" + id + "/location").with(DemoAccounts.as(DemoAccounts.STREET))
				.contentType(MediaType.APPLICATION_JSON).content("{\"territoryCode\":\"999999999999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("territoryCode"));
		mvc.perform(post("/demands/" + id + "/location").with(user(users.loadUserByUsername(DemoAccounts.STREET)))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("territoryCode", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(row(id).get("needs_locating")).isEqualTo(true);

		// placed at a building: the community is known, the mark goes, the grid of the building gets it
		mvc.perform(post("/api/v1/demands/" + id + "/location").with(DemoAccounts.as(DemoAccounts.STREET))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"territoryCode\":\"" + BUILDING_CODE + "\",\"addressLabel\":\"核实：1号楼东侧空地\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communityId").value(community.id()))
			.andExpect(jsonPath("$.locationNodeId").value(building.id()));
		Map<String, Object> placed = row(id);
		assertThat(placed.get("needs_locating")).isEqualTo(false);
		assertThat(((Number) placed.get("community_id")).longValue()).isEqualTo(community.id());
		assertThat(((Number) placed.get("handler_node_id")).longValue()).isEqualTo(grid.id());
		assertThat(placed.get("address_label")).isEqualTo("核实：1号楼东侧空地");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'LOCATED'").param(id)
			.query(Long.class).single()).isEqualTo(1);
		// now the community sees it
		mvc.perform(get("/api/v1/demands/" + id).with(DemoAccounts.as(DemoAccounts.COMMUNITY)))
			.andExpect(status().isOk());
	}

	// ------------------------------------------------------------------ lists

	/** 60 ids → 60 requests; the default list (no filters) holds them all, past the old cut at 50. */
	@Test
	void aServiceRequestIdListReturnsEveryIdAndTheDefaultListIsNotCutAtFifty() throws Exception {
		long building = territories.lookupByCode(BUILDING_CODE).orElseThrow().id();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add(String.valueOf(raised(raise(DemoAccounts.OPEN311_KEY, "批量查询 " + i)
				.param("address_id", String.valueOf(building)))));
		}
		mvc.perform(get("/open311/v2/requests.json").param("service_request_id", String.join(",", ids)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(60)));
		mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", String.join(",", ids)))
			.andExpect(xpath("/service_requests/request").nodeCount(60));
		String all = mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<String> listed = JsonPath.read(all, "$[*].service_request_id");
		assertThat(listed).containsAll(ids).hasSizeGreaterThan(50).hasSizeLessThanOrEqualTo(1000);
		// Only the last 90 days, by default.
		List<String> raisedAt = JsonPath.read(all, "$[*].requested_datetime");
		java.time.Instant from = java.time.Instant.now().minus(java.time.Duration.ofDays(90)).minusSeconds(60);
		assertThat(raisedAt).allSatisfy(t -> assertThat(java.time.OffsetDateTime.parse(t).toInstant()).isAfter(from));
	}

	// ------------------------------------------------------------------ media_url

	@Test
	void aMediaUrlIsStoredAndShownAsALinkOnTheRequestAndThePublicBoard() throws Exception {
		long building = territories.lookupByCode(BUILDING_CODE).orElseThrow().id();
		// An address the server cannot reach: it is kept without being fetched.
		String media = "https://192.0.2.10/photos/fallen-tree.jpg?size=large";
		long id = raised(raise(DemoAccounts.OPEN311_KEY, "倒伏的树，见照片链接").param("address_id", String.valueOf(building))
			.param("media_url", media));
		assertThat(row(id).get("media_url")).isEqualTo(media);
		mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(jsonPath("$[0].media_url").value(media));
		mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
			.andExpect(xpath("/service_requests/request/media_url").string(media));
		String escaped = media.replace("&", "&amp;");
		mvc.perform(get("/public/board/demands/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-media-url\" href=\"" + escaped + "\"")))
			.andExpect(content().string(containsString("rel=\"nofollow noopener noreferrer ugc\"")));
		mvc.perform(get("/public/board/" + COMMUNITY_CODE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + escaped + "\"")));
		mvc.perform(get("/demands/" + id).with(user(users.loadUserByUsername(DemoAccounts.COMMUNITY))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"demand-media-url\" href=\"" + escaped + "\"")));

		for (String bad : List.of("javascript:alert(1)", "ftp://example.org/a.jpg", "/relative/a.jpg",
				"https://exa mple.org/a.jpg", "https://user:pw@example.org/a.jpg", "https://" + "a".repeat(1000) + ".org")) {
			mvc.perform(raise(DemoAccounts.OPEN311_KEY, "坏链接").param("address_id", String.valueOf(building))
					.param("media_url", bad))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$[0].description").value(startsWith("media_url:")));
		}
	}

	// ------------------------------------------------------------------ jurisdiction_id

	@Test
	void jurisdictionIdIsReadAsTheDiscoveryDocumentSays() throws Exception {
		TerritoryNode city = territories.lookupLevelUnder(org.jinlin.territory.TerritoryLevel.CITY, "/").get(0);
		mvc.perform(get("/open311/v2/discovery.json"))
			.andExpect(jsonPath("$.jurisdiction.jurisdiction_id").value(city.code()))
			.andExpect(jsonPath("$.jurisdiction.note").value(containsString("404")));
		for (String accepted : List.of("", " ", city.code())) {
			mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", accepted)).andExpect(status().isOk());
			mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", accepted)).andExpect(status().isOk());
		}
		mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", "somewhere.else.gov"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404))
			.andExpect(jsonPath("$[0].description").value(startsWith("jurisdiction_id not found")));
		mvc.perform(get("/open311/v2/services/sanitation.xml").param("jurisdiction_id", "999999"))
			.andExpect(status().isNotFound())
			.andExpect(xpath("/errors/error/code").string("404"));
		mvc.perform(get("/open311/v2/requests.json").param("jurisdiction_id", "999999"))
			.andExpect(status().isNotFound());
		mvc.perform(raise(DemoAccounts.OPEN311_KEY, "错误辖区").param("jurisdiction_id", "999999")
				.param("address_id", String.valueOf(territories.lookupByCode(BUILDING_CODE).orElseThrow().id())))
			.andExpect(status().isNotFound());
	}
}
