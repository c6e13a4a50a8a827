package org.jinlin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The access matrix: every demo account (and an anonymous caller and an API key) against
 * endpoints of every module, including reads, writes, exports and counts across
 * jurisdictions. Each cell states the expected status; where a caller must not see another
 * jurisdiction's data, the body must not contain its marker text either.
 * Grows with every endpoint: add rows to {@link #endpoints()}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTests {

	static final String PASSWORD = DemoAccounts.PASSWORD;

	static final String ANONYMOUS = "(anonymous)";

	static final String OPEN311_KEY = "(api key jinlin-demo-open311)";

	/** The demo alarm gateway's DEVICE key: it may raise alarms and read them, nothing else. */
	static final String DEVICE_KEY = "(api key jinlin-demo-device)";

	/** The demo canteen's counter terminal (CANTEEN key of canteen1's canteen): it may record sales, nothing else. */
	static final String CANTEEN_KEY = "(api key jinlin-demo-canteen)";

	static final List<String> CALLERS = List.of("admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1",
			"resident1", "volunteer1", "member1", "canteen1", ANONYMOUS, OPEN311_KEY, DEVICE_KEY, CANTEEN_KEY);

	static final String MEMBER = "member1";

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	/** Text that only a 紫阳社区 resident row carries: its community code. */
	static final String ZIYANG_MARKER = ZIYANG;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** A demo resident of 军门社区 grid 1 and one of 紫阳社区, neither linked to an account. */
	String resolve(String path) {
		if (path.contains("{wangDiner}")) {
			path = path.replace("{wangDiner}", String.valueOf(jdbc.sql(
					"SELECT d.id FROM meal_diner d JOIN resident r ON r.id = d.resident_id WHERE r.name = '王秀兰'")
				.query(Long.class).single()));
		}
		if (path.contains("{certDraft}")) {
			path = path.replace("{certDraft}", String.valueOf(jdbc.sql(
					"SELECT MIN(id) FROM quality_cert_assessment WHERE created_by = 'system:demo' AND status = 'DRAFT'")
				.query(Long.class).single()));
		}
		if (path.contains("{junmenCertified}")) {
			path = path.replace("{junmenCertified}", String.valueOf(jdbc.sql(
					"SELECT id FROM quality_cert_assessment WHERE certificate_number = 'QC-2026-DEMO000001'")
				.query(Long.class).single()));
		}
		if (path.contains("{junmenMealPoint}")) {
			path = path.replace("{junmenMealPoint}", String.valueOf(jdbc.sql(
					"SELECT id FROM meal_place WHERE name = '军门社区助餐点'").query(Long.class).single()));
		}
		if (path.contains("{junmenTopic}")) {
			path = path.replace("{junmenTopic}", String.valueOf(jdbc.sql(
					"SELECT MIN(id) FROM consultation_topic WHERE title = '军门社区楼道照明改造' AND proposed_by = 'system:demo'")
				.query(Long.class).single()));
		}
		if (path.contains("{otherStreetDiner}")) {
			path = path.replace("{otherStreetDiner}", String.valueOf(jdbc.sql(
					"SELECT id FROM meal_diner WHERE card_number = 'GL0001'").query(Long.class).single()));
		}
		if (path.contains("{junmenResident}")) {
			path = path.replace("{junmenResident}", residentIn("350102004001G01"));
		}
		if (path.contains("{ziyangResident}")) {
			path = path.replace("{ziyangResident}", residentIn(ZIYANG));
		}
		if (path.contains("{junmenDemand}")) {
			path = path.replace("{junmenDemand}", demandAt("350102004001G01C01B01"));
		}
		if (path.contains("{junmenFacility}")) {
			path = path.replace("{junmenFacility}", facilityIn(JUNMEN));
		}
		if (path.contains("{ziyangFacility}")) {
			path = path.replace("{ziyangFacility}", facilityIn(ZIYANG));
		}
		if (path.contains("{junmenCircleFacility}")) {
			path = path.replace("{junmenCircleFacility}", circleFacilityIn(JUNMEN));
		}
		if (path.contains("{ziyangCircleFacility}")) {
			path = path.replace("{ziyangCircleFacility}", circleFacilityIn(ZIYANG));
		}
		if (path.contains("{junmenAlarm}")) {
			path = path.replace("{junmenAlarm}", junmenAlarm());
		}
		if (path.contains("{resident1Demand}")) {
			path = path.replace("{resident1Demand}", residentsOwnDemand());
		}
		if (path.contains("{otherStreetDemand}")) {
			path = path.replace("{otherStreetDemand}", demandAt("350102002001G01C01B01"));
		}
		if (path.contains("{junmenClaimedWish}")) {
			path = path.replace("{junmenClaimedWish}",
					memberServiceRow("ms_wish", JUNMEN, " AND status = 'CLAIMED' AND wisher_username IS NULL"));
		}
		if (path.contains("{junmenDeliveredWish}")) {
			path = path.replace("{junmenDeliveredWish}",
					memberServiceRow("ms_wish", JUNMEN, " AND status = 'DELIVERED' AND wisher_username IS NULL"));
		}
		if (path.contains("{ziyangWish}")) {
			path = path.replace("{ziyangWish}", memberServiceRow("ms_wish", ZIYANG, " AND status = 'OPEN'"));
		}
		if (path.contains("{junmenRegistration}")) {
			path = path.replace("{junmenRegistration}", memberServiceRow("ms_registration", JUNMEN, " AND username IS NULL"));
		}
		if (path.contains("{ziyangRegistration}")) {
			path = path.replace("{ziyangRegistration}", memberServiceRow("ms_registration", ZIYANG, ""));
		}
		if (path.contains("{wangElder}")) {
			path = path.replace("{wangElder}", String.valueOf(jdbc
				.sql("SELECT elder_id FROM elder_device WHERE device_id = 'DEMO-PENDANT-0001'").query(Long.class).single()));
		}
		if (path.contains("{junmenTransfer}")) {
			// grid 1 (volunteer1's visits to 王阿姨), which its grid worker covers; the demo history is booked after
			// start-up, so wait for it
			Long transfer = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
				.until(() -> jdbc.sql("""
						SELECT MIN(id) FROM ledger_transfer WHERE kind = 'SERVICE'
						AND territory_path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'""")
					.param(JUNMEN + "G01").query(Long.class).optional().orElse(null), java.util.Objects::nonNull);
			path = path.replace("{junmenTransfer}", String.valueOf(transfer));
		}
		if (path.contains("{ziyangElder}")) {
			path = path.replace("{ziyangElder}", String.valueOf(jdbc
				.sql("SELECT MIN(id) FROM elder WHERE community_code = ? AND status = 'ACTIVE'").param(ZIYANG)
				.query(Long.class).single()));
		}
		if (path.contains("{junmenActivity}")) {
			// a past 军门社区 activity volunteer1 signed up for (demo)
			path = path.replace("{junmenActivity}", String.valueOf(jdbc.sql("""
					SELECT MIN(s.activity_id) FROM volunteer_signup s JOIN volunteer v ON v.id = s.volunteer_id
					JOIN volunteer_activity a ON a.id = s.activity_id
					WHERE v.username = 'volunteer1' AND a.created_by = 'system:demo' AND a.ends_at < CURRENT_TIMESTAMP""")
				.query(Long.class).single()));
		}
		if (path.contains("{junmenToken}")) {
			path = path.replace("{junmenToken}", jdbc.sql("""
					SELECT checkin_token FROM volunteer_activity WHERE id = (SELECT MIN(id) FROM volunteer_activity
					WHERE territory_name = '军门社区' AND created_by = 'system:demo')""").query(String.class).single());
		}
		if (path.contains("{ziyangActivity}")) {
			path = path.replace("{ziyangActivity}", String.valueOf(jdbc.sql(
					"SELECT MIN(id) FROM volunteer_activity WHERE territory_name = '紫阳社区' AND status = 'PUBLISHED'")
				.query(Long.class).single()));
		}
		if (path.contains("{ziyangVolunteer}")) {
			path = path.replace("{ziyangVolunteer}", String.valueOf(jdbc.sql(
					"SELECT MIN(id) FROM volunteer WHERE community_name = '紫阳社区'").query(Long.class).single()));
		}
		path = circle(path);
		path = partyIds(path);
		path = spaces(path);
		return path;
	}

	@Autowired
	org.jinlin.circle.facilities.CategoryCatalogue circleCategories;

	/**
	 * The 15-minute circle: a finished coverage run (the demo city's first is computed after start-up, so wait for
	 * it), a required category, and a point at one of 军门社区's buildings.
	 */
	String circle(String path) {
		if (path.contains("{circleRun}")) {
			Long run = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(180))
				.until(() -> jdbc.sql("SELECT MAX(id) FROM circle_run WHERE status = 'DONE'").query(Long.class).optional()
					.orElse(null), java.util.Objects::nonNull);
			path = path.replace("{circleRun}", String.valueOf(run));
		}
		if (path.contains("{circleCategory}")) {
			path = path.replace("{circleCategory}", circleCategories.required().get(0).code());
		}
		if (path.contains("{canteenPlace}")) {
			path = path.replace("{canteenPlace}", String.valueOf(jdbc
				.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single()));
		}
		if (path.contains("{canteenRoute}")) {
			path = path.replace("{canteenRoute}", String.valueOf(jdbc.sql("SELECT MIN(r.id) FROM meal_route r "
					+ "JOIN meal_place_operator o ON o.place_id = r.place_id WHERE o.username = 'canteen1'")
				.query(Long.class)
				.single()));
		}
		if (path.contains("{circlePoint}")) {
			path = path.replace("{circlePoint}", jdbc.sql("SELECT latitude, longitude FROM territory_node WHERE code = ?")
				.param(JUNMEN + "G01C01B01").query((rs, n) -> "lat=" + rs.getDouble(1) + "&lon=" + rs.getDouble(2)).single());
		}
		return path;
	}

	/** Demo party records of 军门社区 and 紫阳社区: the committee, a co-building unit, a commitment, a meeting, a task. */
	String partyIds(String path) {
		for (String[] p : new String[][] { { "junmen", JUNMEN }, { "ziyang", ZIYANG } }) {
			String where = "territory_path = (SELECT path FROM territory_node WHERE code = '" + p[1] + "')";
			path = partyId(path, "{" + p[0] + "PartyOrg}",
					"SELECT MIN(id) FROM party_org WHERE kind = 'COMMUNITY_COMMITTEE' AND " + where);
			path = partyId(path, "{" + p[0] + "PartyUnit}", "SELECT MIN(id) FROM party_unit WHERE " + where);
			path = partyId(path, "{" + p[0] + "PartyCommitment}",
					"SELECT MIN(c.id) FROM party_commitment c JOIN party_unit u ON u.id = c.unit_id WHERE u." + where);
			path = partyId(path, "{" + p[0] + "PartyMeeting}", "SELECT MIN(id) FROM party_meeting WHERE " + where);
			path = partyId(path, "{" + p[0] + "PartyTask}",
					"SELECT MIN(id) FROM party_task WHERE status = 'OPEN' AND " + where);
		}
		return path;
	}

	/** The demo's 军门社区近邻空间, its neighbours' bar and 王阿姨's (resident1) pending booking there. */
	String spaces(String path) {
		String space = "(SELECT id FROM space WHERE name = '军门社区近邻空间')";
		path = partyId(path, "{junmenSpace}", "SELECT MIN(id) FROM space WHERE name = '军门社区近邻空间'");
		path = partyId(path, "{junmenBarZone}", "SELECT MIN(id) FROM space_zone WHERE kind = 'NEIGHBOURS_BAR' AND space_id = " + space);
		return partyId(path, "{resident1Booking}", "SELECT MIN(id) FROM space_booking WHERE username = 'resident1' "
				+ "AND status = 'PENDING' AND space_id = " + space);
	}

	String partyId(String path, String placeholder, String sql) {
		return path.contains(placeholder)
				? path.replace(placeholder, String.valueOf(jdbc.sql(sql).query(Long.class).single())) : path;
	}

	String residentIn(String territoryCode) {
		return String.valueOf(jdbc.sql("""
				SELECT MIN(r.id) FROM resident r
				WHERE r.status = 'ACTIVE'
				  AND r.territory_path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'
				  AND r.id NOT IN (SELECT resident_id FROM account WHERE resident_id IS NOT NULL)""")
			.param(territoryCode).query(Long.class).single());
	}

	/** A demo member-service record (wish, registration) of a community. */
	String memberServiceRow(String table, String communityCode, String condition) {
		return String.valueOf(jdbc.sql("SELECT MIN(id) FROM " + table
				+ " WHERE territory_path = (SELECT path FROM territory_node WHERE code = ?)" + condition)
			.param(communityCode).query(Long.class).single());
	}

	/** A demo care facility sitting in a community (its service station, at least). */
	String facilityIn(String communityCode) {
		return String.valueOf(jdbc.sql("""
				SELECT MIN(id) FROM care_facility
				WHERE territory_path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'""")
			.param(communityCode).query(Long.class).single());
	}

	/** A demo facility of the 15-minute circle's registry in a community. */
	String circleFacilityIn(String communityCode) {
		return String.valueOf(jdbc.sql("""
				SELECT MIN(id) FROM circle_facility
				WHERE territory_path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'""")
			.param(communityCode).query(Long.class).single());
	}

	static final Map<String, String> DEMANDS = new java.util.concurrent.ConcurrentHashMap<>();

	/** A demand resident1 (王阿姨, 军门社区 grid 1) raised for herself in the app, once per test run. */
	String residentsOwnDemand() {
		return DEMANDS.computeIfAbsent("resident1", k -> {
			try {
				String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/demands").with(httpBasic("resident1", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
					.content("{\"categoryCode\":\"sanitation\",\"description\":\"access matrix\"}"))
					.andReturn().getResponse().getContentAsString();
				return String.valueOf(((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/** A demand raised by 鼓楼区 staff on a resident's behalf at a building, once per test run. */
	String demandAt(String buildingCode) {
		return DEMANDS.computeIfAbsent(buildingCode, code -> {
			long building = jdbc.sql("SELECT id FROM territory_node WHERE code = ?").param(code).query(Long.class).single();
			try {
				String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/demands").with(httpBasic("gulou", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
					.content("{\"categoryCode\":\"sanitation\",\"description\":\"access matrix\",\"channel\":\"PHONE_CALL\","
							+ "\"locationNodeId\":" + building + "}"))
					.andReturn().getResponse().getContentAsString();
				return String.valueOf(((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	static String alarm;

	/**
	 * An alarm of 王阿姨 (军门社区 grid 1) raised by her pendant, once per test run; raised afresh with every responder
	 * on duty, so the volunteer (rota 07-22) is in its dispatch chain whatever the time of day.
	 */
	String junmenAlarm() {
		if (alarm == null) {
			jdbc.sql("UPDATE alarm SET status = 'RESOLVED', outcome = 'OTHER', resolved_at = CURRENT_TIMESTAMP WHERE status <> 'RESOLVED'").update();
			jdbc.sql("UPDATE alarm_responder SET duty_status = 'ON_DUTY'").update();
			try {
				String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.post("/api/v1/alarms").header("X-Api-Key", DemoAccounts.DEVICE_KEY).contentType(MediaType.APPLICATION_JSON)
					.content("{\"deviceId\":\"DEMO-PENDANT-0001\",\"kind\":\"SOS\",\"idempotencyKey\":\"access-matrix\"}"))
					.andReturn().getResponse().getContentAsString();
				alarm = String.valueOf(((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return alarm;
	}

	static int cells;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	/** One endpoint and the expected outcome for each caller. */
	record Endpoint(HttpMethod method, String path, String body, Map<String, Integer> expected, int otherwise,
			String hiddenMarker, List<String> seeHidden, boolean page) {

		static Builder of(String methodAndPath) {
			String[] parts = methodAndPath.split(" ", 2);
			return new Builder(HttpMethod.valueOf(parts[0]), parts[1]);
		}

		int expectedFor(String caller) {
			if (caller.equals(CANTEEN_KEY) && !expected.containsKey(CANTEEN_KEY)) {
				// Like the device key where the endpoint is open to any key; the alarms are the device key's alone.
				return path.startsWith("/api/v1/alarms") ? 403 : expectedFor(DEVICE_KEY);
			}
			if (caller.equals(DEVICE_KEY) && !expected.containsKey(DEVICE_KEY)) {
				// Like any other non-account key: refused by the JSON API, treated as the Open311 key elsewhere.
				return path.startsWith("/api/") ? 403 : expectedFor(OPEN311_KEY);
			}
			if (caller.equals(MEMBER) && !expected.containsKey(MEMBER)) {
				// A party member in service is, to everything that does not name her, a signed-in non-staff account
				// like the resident (without the resident's own records).
				return expectedFor("resident1");
			}
			return expected.getOrDefault(caller, otherwise);
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	static final class Builder {

		final HttpMethod method;

		final String path;

		String body;

		final Map<String, Integer> expected = new LinkedHashMap<>();

		String hiddenMarker;

		List<String> seeHidden = List.of();

		boolean page;

		Builder(HttpMethod method, String path) {
			this.method = method;
			this.path = path;
			expected.put(ANONYMOUS, 401);
			// An Open311 key is good for the Open311 endpoints only.
			expected.put(OPEN311_KEY, path.startsWith("/api/") ? 403 : 200);
		}

		/**
		 * A browser page (form login, session, CSRF): signed-in callers are authenticated as in a session, the
		 * anonymous caller and an API key are sent to the login page (302), errors are HTML pages.
		 */
		Builder page() {
			this.page = true;
			expected.put(ANONYMOUS, 302);
			expected.put(OPEN311_KEY, 302);
			return this;
		}

		Builder body(String json) {
			this.body = json;
			return this;
		}

		Builder expect(int status, String... callers) {
			for (String c : callers) {
				expected.put(c, status);
			}
			return this;
		}

		/** Callers other than {@code allowed} must not find {@code marker} in the body. */
		Builder hides(String marker, String... allowed) {
			this.hiddenMarker = marker;
			this.seeHidden = List.of(allowed);
			return this;
		}

		Endpoint otherwise(int status) {
			return new Endpoint(method, path, body, Map.copyOf(expected), status, hiddenMarker, seeHidden, page);
		}
	}

	static List<Endpoint> endpoints() {
		List<Endpoint> list = new ArrayList<>();
		// territory
		list.add(Endpoint.of("GET /api/v1/communities").hides("紫阳社区", "admin", "city").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/territories/" + JUNMEN).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/territories/" + ZIYANG).expect(200, "admin", "city").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/territories/" + ZIYANG + "/children").expect(200, "admin", "city").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/territories/350102/children").hides("晋安区", "admin", "city").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/territories/no-such-code").otherwise(404));
		// spreadsheet exports (staff only, each of their own subtree) and import jobs (owner only)
		list.add(Endpoint.of("GET /api/v1/territories/export.xlsx").expect(403, "resident1", "volunteer1", "canteen1")
			.otherwise(200));
		list.add(Endpoint.of("GET /api/v1/residents/export.xlsx").expect(403, "resident1", "volunteer1", "canteen1")
			.otherwise(200));
		list.add(Endpoint.of("GET /api/v1/residents/import-template.xlsx")
			.expect(200, "admin", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/imports/00000000-0000-0000-0000-000000000000").otherwise(404));
		// people: the register (reads, counts, the audited full view, a write)
		String[] staffInDistrict = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("GET /api/v1/residents").expect(403, MEMBER).expect(403, "volunteer1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/residents?community=" + ZIYANG).expect(403, MEMBER).hides(ZIYANG_MARKER, "admin", "city")
			.expect(403, "volunteer1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/residents/count").expect(403, MEMBER).expect(403, "volunteer1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/residents/{junmenResident}").expect(403, MEMBER).expect(200, staffInDistrict)
			.expect(403, "volunteer1", "canteen1").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/residents/{ziyangResident}").expect(403, MEMBER).expect(200, "admin", "city")
			.expect(403, "volunteer1", "canteen1").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/residents/{ziyangResident}/history").expect(403, MEMBER).expect(200, "admin", "city")
			.expect(403, "volunteer1", "canteen1").otherwise(404));
		list.add(Endpoint.of("POST /api/v1/residents/{ziyangResident}/reveal").body("{\"purpose\":\"access matrix\"}")
			.expect(200, "admin", "city").expect(403, "volunteer1", "canteen1", "resident1").otherwise(404));
		// A real cross-jurisdiction write: only the administrator may void a 紫阳社区 record from here
		// (the resolver then picks the next active 紫阳社区 resident for the following callers).
		list.add(Endpoint.of("POST /api/v1/residents/{ziyangResident}/void").body("{\"reason\":\"访问矩阵测试\"}")
			.expect(200, "admin").expect(403, "city", "gulou", "dongjie", "volunteer1", "canteen1", "resident1")
			.otherwise(404));
		// audit log: administrators, city and district officials, each for their own jurisdiction
		list.add(Endpoint.of("GET /api/v1/audit-events").expect(200, "admin", "city", "gulou").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/audit-events/export.xlsx").expect(200, "admin", "city", "gulou").otherwise(403));
		// accounts and API keys: administrators only
		list.add(Endpoint.of("GET /api/v1/accounts").expect(200, "admin").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/accounts/junmen").expect(200, "admin").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/accounts").body("{}").expect(400, "admin").otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/accounts/junmen/permissions").body("{}").expect(400, "admin").otherwise(403));
		// bearer tokens: any account that sends its password; an API key gets none
		list.add(Endpoint.of("POST /api/v1/accounts/token").expect(403, OPEN311_KEY, DEVICE_KEY, CANTEEN_KEY)
			.expect(401, ANONYMOUS).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/api-keys").expect(200, "admin").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/api-keys").body("{}").expect(400, "admin").otherwise(403));
		// sign-in throttles: administrators only (a throttle that does not exist answers 404 to them)
		list.add(Endpoint.of("GET /api/v1/accounts/throttles").expect(200, "admin").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/accounts/throttles?size=0").expect(400, "admin").otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/accounts/throttles/999999999").expect(404, "admin").otherwise(403));
		list.add(Endpoint.of("GET /admin/accounts/throttles").page().expect(200, "admin").otherwise(403));
		list.add(Endpoint.of("POST /admin/accounts/throttles/999999999/clear").page().expect(404, "admin").otherwise(403));
		// residents' own accounts: signed-out sign-up, password reset and invitation links (anyone; bad input 400 or
		// the form again; an unknown invitation 404), the staff queue and invitations (community workers and above,
		// another jurisdiction's resident 404) and the SMS outbox (administrators)
		String[] keepers = { "admin", "city", "gulou", "dongjie", "junmen" };
		list.add(Endpoint.of("GET /register").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		list.add(Endpoint.of("POST /register").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		list.add(Endpoint.of("GET /password-reset").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		list.add(Endpoint.of("POST /password-reset").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		list.add(Endpoint.of("GET /invitations/no-such-invitation-token-000000").page().expect(404, ANONYMOUS, OPEN311_KEY)
			.otherwise(404));
		list.add(Endpoint.of("POST /invitations/no-such-invitation-token-000000").page().expect(404, ANONYMOUS, OPEN311_KEY)
			.otherwise(404));
		for (String path : List.of("/api/v1/accounts/sign-up/code", "/api/v1/accounts/sign-up",
				"/api/v1/accounts/password-reset/code", "/api/v1/accounts/password-reset")) {
			list.add(Endpoint.of("POST " + path).body("{}").expect(400, ANONYMOUS, OPEN311_KEY, DEVICE_KEY).otherwise(400));
		}
		list.add(Endpoint.of("GET /api/v1/accounts/sign-ups").expect(200, keepers).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/accounts/sign-ups?size=0").expect(400, keepers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/accounts/sign-ups/999999999/confirm").body("{}").expect(404, keepers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/accounts/sign-ups/999999999/reject").expect(404, keepers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/accounts/residents/{ziyangResident}/invitation").expect(201, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("GET /resident-accounts/sign-ups").page().expect(200, keepers).otherwise(403));
		list.add(Endpoint.of("GET /resident-accounts/sign-ups/999999999").page().expect(404, keepers).otherwise(403));
		list.add(Endpoint.of("POST /resident-accounts/sign-ups/999999999/confirm").page().expect(404, keepers).otherwise(403));
		list.add(Endpoint.of("POST /resident-accounts/sign-ups/999999999/reject").page().expect(404, keepers).otherwise(403));
		list.add(Endpoint.of("GET /resident-accounts/residents/{junmenResident}").page().expect(200, keepers).otherwise(403));
		list.add(Endpoint.of("GET /resident-accounts/residents/{ziyangResident}").page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("POST /resident-accounts/residents/{ziyangResident}/invitation").page()
			.expect(200, "admin", "city").expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("GET /admin/sms-outbox").page().expect(200, "admin").otherwise(403));
		// demands: search and exports for staff of the area; one demand visible only up the tree from its place
		list.add(Endpoint.of("GET /api/v1/demands").expect(403, "resident1", "volunteer1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/demands?community=" + ZIYANG).expect(200, "admin", "city")
			.expect(403, "resident1", "volunteer1", "canteen1").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/demands/categories").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/demands/queue").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/demands/mine").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/demands/{junmenDemand}").expect(200, staffInDistrict).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/demands/{junmenDemand}/timeline").expect(200, staffInDistrict).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/demands/{otherStreetDemand}").expect(200, "admin", "city", "gulou").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/demands/{otherStreetDemand}/timeline").expect(200, "admin", "city", "gulou")
			.otherwise(404));
		// A supervision with no instruction: superiors of the handling grid get the field error, others nothing.
		list.add(Endpoint.of("POST /api/v1/demands/{otherStreetDemand}/supervise").body("{}")
			.expect(400, "admin", "city", "gulou").otherwise(404));
		list.add(Endpoint.of("POST /api/v1/demands/{junmenDemand}/supervise").body("{}")
			.expect(400, "admin", "city", "gulou", "dongjie", "junmen").expect(403, "junmen-grid1").otherwise(404));
		// placing a demand still to be located: dispatchers of its area get the field error for an empty place, the
		// grid worker is no dispatcher, everyone else as for the demand itself
		list.add(Endpoint.of("POST /api/v1/demands/{junmenDemand}/location").body("{}")
			.expect(400, "admin", "city", "gulou", "dongjie", "junmen").expect(403, "junmen-grid1").otherwise(404));
		list.add(Endpoint.of("POST /demands/{junmenDemand}/location").page()
			.expect(400, "admin", "city", "gulou", "dongjie", "junmen").expect(403, "junmen-grid1").otherwise(404));
		list.add(Endpoint.of("PUT /api/v1/demands/categories/new-category").body("{}").expect(400, "admin").otherwise(403));
		// show contact: staff whose jurisdiction covers the demand's place (audited); the resident who raised it 403,
		// everyone else as for the demand itself (404); API keys never
		list.add(Endpoint.of("POST /api/v1/demands/{junmenDemand}/contact").expect(200, staffInDistrict).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/demands/{otherStreetDemand}/contact").expect(200, "admin", "city", "gulou")
			.otherwise(404));
		list.add(Endpoint.of("POST /api/v1/demands/{resident1Demand}/contact").expect(200, staffInDistrict)
			.expect(403, "resident1").expect(404, MEMBER).otherwise(404));
		list.add(Endpoint.of("POST /demands/{junmenDemand}/contact").page().expect(200, staffInDistrict).otherwise(404));
		list.add(Endpoint.of("POST /demands/{resident1Demand}/contact").page().expect(200, staffInDistrict)
			.expect(403, "resident1").expect(404, MEMBER).otherwise(404));
		// an urgent answer and its confirmation: the demo demand was raised without one (404 to read it, 409 for staff
		// who see the demand to confirm), everyone else as for the demand itself
		list.add(Endpoint.of("GET /api/v1/demands/{junmenDemand}/urgent").otherwise(404));
		list.add(Endpoint.of("POST /api/v1/demands/{junmenDemand}/confirm-help").expect(409, staffInDistrict).otherwise(404));
		list.add(Endpoint.of("POST /demands/{junmenDemand}/confirm-help").page().expect(409, staffInDistrict).otherwise(404));
		// measures and the overdue list: staff, each for units inside their jurisdiction
		for (String path : List.of("/api/v1/demands/measures", "/api/v1/demands/overdue")) {
			list.add(Endpoint.of("GET " + path).expect(403, "resident1", "volunteer1", "canteen1").otherwise(200));
			list.add(Endpoint.of("GET " + path + "?unit=" + ZIYANG).expect(200, "admin", "city")
				.expect(403, "resident1", "volunteer1", "canteen1").otherwise(404));
		}
		// care facilities and the elderly-care statistics: staff of the territory; writers are community workers and up
		String[] notStaff = { "resident1", "volunteer1", "canteen1" };
		String[] writers = { "admin", "city", "gulou", "dongjie", "junmen" };
		list.add(Endpoint.of("GET /api/v1/eldercare/statistics?territory=350100").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/eldercare/statistics?territory=" + JUNMEN).expect(200, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/eldercare/statistics?territory=350111").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/eldercare/statistics").otherwise(400));
		list.add(Endpoint.of("GET /api/v1/eldercare/facilities?size=200").hides("晋安区", "admin", "city")
			.expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/eldercare/facilities?territory=350111").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/eldercare/facilities/{junmenFacility}").expect(200, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/eldercare/facilities/{ziyangFacility}").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		// Writes with empty bodies: writers of the place get the field errors (nothing written), others nothing.
		list.add(Endpoint.of("PUT /api/v1/eldercare/facilities/{ziyangFacility}").body("{}").expect(400, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("PUT /api/v1/eldercare/facilities/{junmenFacility}").body("{}").expect(400, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/eldercare/facilities").body("{}").expect(400, writers).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/eldercare/facilities/export.xlsx").expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/eldercare/facilities/import-template.xlsx").expect(200, writers).otherwise(403));
		// 15-minute circle, facility registry: staff read their subtree, community workers and up write there, city
		// officials and administrators edit the categories. Close/delete rows use a missing id (no demo data changes).
		list.add(Endpoint.of("GET /api/v1/circle/facilities?size=200").hides(ZIYANG_MARKER, "admin", "city")
			.expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/circle/facilities?territory=350111").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/counts").expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/counts?territory=350111").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/{junmenCircleFacility}").expect(200, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/{ziyangCircleFacility}").expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("PUT /api/v1/circle/facilities/{ziyangCircleFacility}").body("{}").expect(400, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("PUT /api/v1/circle/facilities/{junmenCircleFacility}").body("{}").expect(400, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/circle/facilities/0/close").expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("DELETE /api/v1/circle/facilities/0").expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/circle/facilities").body("{}").expect(400, writers).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/export.xlsx").expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/import-template.xlsx").expect(200, writers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/circle/facilities/imports").expect(400, writers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/circle/facilities/osm-imports").expect(400, writers).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/facilities/categories").expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("POST /api/v1/circle/facilities/categories").body("{}").expect(400, "admin", "city")
			.otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/circle/facilities/categories/PHARMACY").body("{}").expect(400, "admin", "city")
			.otherwise(403));
		list.add(Endpoint.of("GET /circle/facilities").page().expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /circle/facilities?territory=350111").page().expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /circle/facilities/export.xlsx").page().expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("GET /circle/facilities/new").page().expect(200, writers).otherwise(403));
		list.add(Endpoint.of("POST /circle/facilities").page().expect(200, writers).otherwise(403));
		list.add(Endpoint.of("GET /circle/facilities/{junmenCircleFacility}").page().expect(302, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /circle/facilities/{junmenCircleFacility}/edit").page().expect(200, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /circle/facilities/{ziyangCircleFacility}/edit").page().expect(200, "admin", "city")
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("POST /circle/facilities/{junmenCircleFacility}/edit").page().expect(200, writers)
			.expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("POST /circle/facilities/0/close").page().expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("POST /circle/facilities/0/delete").page().expect(403, notStaff).otherwise(404));
		list.add(Endpoint.of("GET /circle/facilities/import").page().expect(200, writers).otherwise(403));
		list.add(Endpoint.of("POST /circle/facilities/import").page().expect(200, writers).otherwise(403));
		list.add(Endpoint.of("POST /circle/facilities/osm-import").page().expect(200, writers).otherwise(403));
		list.add(Endpoint.of("GET /circle/facilities/import/template.xlsx").page().expect(200, writers).otherwise(403));
		list.add(Endpoint.of("GET /circle/facilities/categories").page().expect(403, notStaff).otherwise(200));
		list.add(Endpoint.of("POST /circle/facilities/categories").page().expect(200, "admin", "city").otherwise(403));
		list.add(Endpoint.of("POST /circle/facilities/categories/PHARMACY").page().expect(200, "admin", "city")
			.otherwise(403));
		// eldercare: the elderly register. Staff read their subtree, 王阿姨's buddy volunteer1 reads only her;
		// workers and administrators write; health data is revealed (audited) to staff and the care circle.
		String[] notElders = { "resident1", "canteen1" };
		list.add(Endpoint.of("GET /api/v1/elders").expect(403, notElders).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/elders?community=" + ZIYANG).hides(ZIYANG_MARKER, "admin", "city")
			.expect(403, notElders).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/elders/{wangElder}").expect(403, notElders).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/elders/{ziyangElder}").expect(200, "admin", "city").expect(403, notElders)
			.otherwise(404));
		list.add(Endpoint.of("POST /api/v1/elders/{wangElder}/health/reveal").body("{\"purpose\":\"access matrix\"}")
			.expect(403, notElders).otherwise(200));
		list.add(Endpoint.of("POST /api/v1/elders/{ziyangElder}/health/reveal").body("{}").expect(400, "admin", "city")
			.expect(403, notElders).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/elders/{wangElder}/assessments").body("{}")
			.expect(400, "admin", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/elders/{ziyangElder}/assessments").body("{}").expect(400, "admin")
			.expect(404, "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/elders/{wangElder}/visits").body("{}")
			.expect(400, "admin", "junmen", "junmen-grid1", "volunteer1").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/elders/{ziyangElder}/visits").body("{}").expect(400, "admin")
			.expect(403, "city", "resident1", "canteen1").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/elders/visits/overdue").expect(403, notElders).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/elders/birthdays?days=30").expect(403, notElders).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/elders/birthdays?days=10").expect(403, notElders).otherwise(400));
		// emergency alarms: the desk for staff and volunteers; one alarm for staff of the area, its responders, the elder
		// herself and the device gateway; reports and the roster for staff; the roster written by managers
		String[] managers = { "admin", "city", "gulou", "dongjie", "junmen" };
		list.add(Endpoint.of("GET /api/v1/alarms").expect(403, "resident1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/alarms/{junmenAlarm}").expect(404, MEMBER).expect(200, staffInDistrict)
			.expect(200, "volunteer1", "resident1", DEVICE_KEY).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/alarms").expect(403, MEMBER).body("{\"kind\":\"EARTHQUAKE\"}").expect(400, staffInDistrict)
			.expect(400, "resident1", DEVICE_KEY).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/alarms/{junmenAlarm}/resolve").expect(404, MEMBER).body("{}").expect(400, staffInDistrict)
			.expect(403, "volunteer1", "resident1", DEVICE_KEY).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/alarms/report").expect(403, "resident1", "volunteer1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/alarms/report?territory=" + ZIYANG).expect(200, "admin", "city")
			.expect(403, "resident1", "volunteer1", "canteen1").otherwise(404));
		list.add(Endpoint.of("GET /api/v1/alarms/responders").expect(403, "resident1", "volunteer1", "canteen1").otherwise(200));
		list.add(Endpoint.of("PUT /api/v1/alarms/responders/junmen-grid1").body("{}").expect(400, managers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/alarms/responders/volunteer1/status").body("{\"status\":\"ON_DUTY\"}")
			.expect(200, managers).expect(200, "volunteer1").otherwise(404));
		// alarm pages (browser): the help page for anyone signed in, the desk for staff and volunteers, one alarm for
		// staff of the area and its dispatch chain (the elder herself is sent to her help page), reports for staff
		String[] alarmStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("GET /help").page().otherwise(200));
		list.add(Endpoint.of("GET /alarms/desk").page().expect(403, "resident1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /alarms/desk/queue").page().expect(403, "resident1", "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /alarms/{junmenAlarm}").expect(404, MEMBER).page().expect(200, alarmStaff).expect(200, "volunteer1")
			.expect(302, "resident1").otherwise(404));
		list.add(Endpoint.of("GET /help/status/{junmenAlarm}").expect(404, MEMBER).page().expect(404, "canteen1").otherwise(200));
		list.add(Endpoint.of("GET /alarms/duty").page().otherwise(200));
		list.add(Endpoint.of("GET /alarms/report").page().expect(200, alarmStaff).otherwise(403));
		list.add(Endpoint.of("GET /alarms/report?territory=" + ZIYANG).page().expect(200, "admin", "city")
			.expect(403, "resident1", "volunteer1", "canteen1").otherwise(404));
		list.add(Endpoint.of("GET /alarms/report.xlsx").page().expect(200, alarmStaff).otherwise(403));
		// the first to acknowledge wins; everyone later who may is sent back to the page with who took it
		list.add(Endpoint.of("POST /alarms/{junmenAlarm}/acknowledge").expect(404, MEMBER).page().expect(302, alarmStaff)
			.expect(302, "volunteer1").expect(403, "resident1").otherwise(404));
		list.add(Endpoint.of("POST /alarms/desk/call").page().expect(302, alarmStaff).otherwise(403));
		list.add(Endpoint.of("POST /alarms/duty/volunteer1/shifts").page().expect(302, "admin", "city", "gulou", "dongjie", "junmen")
			.otherwise(404));
		// volunteers: activities for everyone signed in; organisers (community workers and above) of the activity's area
		// manage it; the registry for staff of their jurisdiction; one's own records and certificates
		String[] organisers = { "admin", "city", "gulou", "dongjie", "junmen" };
		String[] notOrganisers = { "junmen-grid1", "resident1", "volunteer1", "canteen1" };
		String[] accounts = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "resident1", "volunteer1",
				"canteen1" };
		String[] volunteerStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("GET /api/v1/volunteers/activities").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/volunteers/activities/{junmenActivity}").otherwise(200));
		list.add(Endpoint.of("GET /api/v1/volunteers/activities/{ziyangActivity}").otherwise(200));
		list.add(Endpoint.of("POST /api/v1/volunteers/activities").body("{}").expect(400, organisers).otherwise(403));
		for (String sub : List.of("signups", "attendance", "hours")) {
			list.add(Endpoint.of("GET /api/v1/volunteers/activities/{junmenActivity}/" + sub).expect(200, organisers)
				.otherwise(403));
			list.add(Endpoint.of("GET /api/v1/volunteers/activities/{ziyangActivity}/" + sub).expect(200, "admin", "city")
				.expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		}
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{junmenActivity}/publish").expect(409, organisers).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{ziyangActivity}/publish").expect(409, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{junmenActivity}/records").body("{}").expect(400, organisers)
			.otherwise(403));
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{ziyangActivity}/records").body("{}").expect(400, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{junmenActivity}/attendance/0/decision").body("{\"approve\":true}")
			.expect(404, organisers).otherwise(403));
		// a back-dated record: volunteer1 (signed up) gets the field errors, others are not registered
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{junmenActivity}/attendance").body("{}").expect(400, "volunteer1")
			.expect(409, accounts[0], accounts[1], accounts[2], accounts[3], accounts[4], accounts[5], accounts[6], accounts[8])
			.otherwise(409));
		// sign-up and cancel on a past activity, check-in outside its time: refused (409) for everyone
		list.add(Endpoint.of("POST /api/v1/volunteers/activities/{junmenActivity}/signups").body("{}").expect(409, accounts).otherwise(409));
		list.add(Endpoint.of("DELETE /api/v1/volunteers/activities/{junmenActivity}/signups").expect(409, accounts).otherwise(409));
		list.add(Endpoint.of("POST /api/v1/volunteers/checkin/{junmenToken}/sign-in").expect(409, accounts).otherwise(409));
		list.add(Endpoint.of("POST /api/v1/volunteers/checkin/{junmenToken}/sign-out").expect(409, accounts).otherwise(409));
		list.add(Endpoint.of("POST /api/v1/volunteers/checkin/no-such-code/sign-in").expect(404, accounts).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/volunteers").body("{}").expect(400, accounts).otherwise(400));
		list.add(Endpoint.of("GET /api/v1/volunteers").hides("紫阳社区", "admin", "city").expect(200, volunteerStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/volunteers/{ziyangVolunteer}").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/volunteers/me").expect(200, "volunteer1").expect(404, accounts[0], accounts[1],
				accounts[2], accounts[3], accounts[4], accounts[5], accounts[6], accounts[8]).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/volunteers/me/records").expect(200, "volunteer1").otherwise(409));
		list.add(Endpoint.of("GET /api/v1/volunteers/me/certificates").expect(200, "volunteer1").otherwise(409));
		list.add(Endpoint.of("POST /api/v1/volunteers/me/certificates").body("{}").expect(400, "volunteer1").otherwise(409));
		// certificate verification: public, signed in or not, with any key; nothing beyond the name
		list.add(Endpoint.of("GET /api/v1/certificates/JL-2026-DEMO000001").hides("****")
			.expect(200, ANONYMOUS, OPEN311_KEY, DEVICE_KEY).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/certificates/JL-2026-AAAAAAAAAA").expect(404, ANONYMOUS, OPEN311_KEY, DEVICE_KEY)
			.otherwise(404));
		list.add(Endpoint.of("GET /certificates/JL-2026-DEMO000001").page().hides("****").expect(200, ANONYMOUS, OPEN311_KEY)
			.otherwise(200));
		list.add(Endpoint.of("GET /certificates/JL-2026-AAAAAAAAAA").page().expect(404, ANONYMOUS, OPEN311_KEY).otherwise(404));
		// service-quality certification (quality module): staff read the checklist and the assessments of their
		// jurisdiction (the demo draft is in 东街街道, outside 军门社区's); district and city officials revise the checklist
		// and review; a community's workers assess it (a district is no community: the form again); bad input writes
		// nothing; a draft is not reviewed (409). The community's certificate and its verification are public.
		String[] certReaders = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		String[] certReviewers = { "admin", "city", "gulou" };
		list.add(Endpoint.of("GET /api/v1/quality/certification/checklist").expect(200, certReaders).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/quality/certification/checklist").body("{}").expect(400, certReviewers)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/certification/assessments").expect(200, certReaders).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/certification/assessments")
			.body("{\"scores\":[{\"criterion\":\"F1\",\"score\":99}]}").expect(400, "admin", "junmen").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/certification/assessments/{junmenCertified}")
			.expect(200, "admin", "city", "gulou", "dongjie", "junmen").expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/certification/assessments/{certDraft}")
			.expect(200, "admin", "city", "gulou", "dongjie").expect(404, "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/quality/certification/assessments/{certDraft}/scores")
			.body("{\"scores\":[{\"criterion\":\"F1\",\"score\":99}]}").expect(400, "admin").expect(404, "junmen")
			.otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/certification/assessments/{certDraft}/links").body("{}")
			.expect(400, "admin").expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/certification/assessments/{certDraft}/evidence").expect(400, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/certification/assessments/{certDraft}/submission").expect(400, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/certification/assessments/{certDraft}/review").body("{}")
			.expect(409, certReviewers).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/certification/communities/" + JUNMEN)
			.expect(200, ANONYMOUS, OPEN311_KEY, DEVICE_KEY).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/quality/certification/communities/no-such-community")
			.expect(404, ANONYMOUS, OPEN311_KEY, DEVICE_KEY).otherwise(404));
		list.add(Endpoint.of("GET /quality/certification").page().expect(200, certReaders).otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/assessments?community=350102").page().expect(200, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("GET /quality/certification/checklist").page().expect(200, certReaders).otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/checklist/F1").page().expect(200, certReviewers).otherwise(403));
		list.add(Endpoint.of("GET /quality/certification/assessments/{certDraft}").page()
			.expect(200, "admin", "city", "gulou", "dongjie").expect(404, "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/assessments/{certDraft}/scores").page().expect(302, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/assessments/{certDraft}/evidence").page().expect(200, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/assessments/{certDraft}/links").page().expect(200, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/assessments/{certDraft}/submission").page().expect(200, "admin")
			.expect(404, "junmen").otherwise(403));
		list.add(Endpoint.of("POST /quality/certification/assessments/{certDraft}/review").page().expect(409, certReviewers)
			.otherwise(403));
		list.add(Endpoint.of("GET /quality/certification/assessments/{certDraft}/evidence/999999999").page()
			.expect(404, certReaders).otherwise(403));
		list.add(Endpoint.of("GET /public/quality/certification/" + JUNMEN).page().expect(200, ANONYMOUS, OPEN311_KEY)
			.otherwise(200));
		list.add(Endpoint.of("GET /public/quality/certificates/QC-2026-DEMO000001").page().expect(200, ANONYMOUS, OPEN311_KEY)
			.otherwise(200));
		list.add(Endpoint.of("GET /public/quality/certificates/QC-2026-AAAAAAAAAA").page().expect(404, ANONYMOUS, OPEN311_KEY)
			.otherwise(404));
		// the public log: open to everyone, signed in or not, with any key; its status for staff only
		String[] everyone = { ANONYMOUS, OPEN311_KEY, DEVICE_KEY };
		list.add(Endpoint.of("GET /api/v1/log/checkpoint").expect(200, everyone).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/log/leaves").expect(200, everyone).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/log/leaves/find?kind=demand.closed&ref=0").expect(404, everyone).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/log/proof/inclusion?index=0&size=999999999999").expect(400, everyone).otherwise(400));
		list.add(Endpoint.of("GET /api/v1/log/proof/consistency?from=0&to=0").expect(200, everyone).otherwise(200));
		list.add(Endpoint.of("POST /api/v1/log/verify/inclusion").body("{}").expect(400, everyone).otherwise(400));
		list.add(Endpoint.of("POST /api/v1/log/verify/consistency").body("{}").expect(400, everyone).otherwise(400));
		list.add(Endpoint.of("GET /api/v1/log/status").expect(200, "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("GET /log/checkpoint").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		list.add(Endpoint.of("GET /log/tile/0/x999/999").page().expect(404, ANONYMOUS, OPEN311_KEY).otherwise(404));
		list.add(Endpoint.of("GET /public/log").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		// a person's own leaves: every signed-in account (staff without a resident get the explanation), others to sign-in
		list.add(Endpoint.of("GET /log/mine").page().otherwise(200));
		list.add(Endpoint.of("GET /log/mine?page=3").page().otherwise(200));
		list.add(Endpoint.of("GET /log/status").page().expect(200, "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("POST /log/status/check").page()
			.expect(302, "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /certificates/check?number=JL-2026-DEMO000001").page().expect(302, ANONYMOUS, OPEN311_KEY)
			.otherwise(302));
		// the language from the account's menu (or a visitor's): anyone, back to the page; an unknown language changes
		// nothing (so the matrix stores no account's choice)
		list.add(Endpoint.of("POST /preferences/language?language=xx").page().expect(302, ANONYMOUS).otherwise(302));
		// volunteer pages
		list.add(Endpoint.of("GET /volunteers/activities").page().otherwise(200));
		list.add(Endpoint.of("GET /volunteers/activities/new").page().expect(200, organisers).otherwise(403));
		list.add(Endpoint.of("POST /volunteers/activities").page().expect(200, organisers).otherwise(403));
		list.add(Endpoint.of("GET /volunteers/activities/{junmenActivity}").page().otherwise(200));
		list.add(Endpoint.of("GET /volunteers/activities/{ziyangActivity}").page().otherwise(200));
		list.add(Endpoint.of("GET /volunteers/activities/{junmenActivity}/qr.svg").page().expect(200, organisers).otherwise(403));
		list.add(Endpoint.of("GET /volunteers/activities/{ziyangActivity}/qr.svg").page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("POST /volunteers/activities/{junmenActivity}/publish").page().expect(302, organisers).otherwise(403));
		list.add(Endpoint.of("POST /volunteers/activities/{junmenActivity}/confirm").page().expect(302, organisers).otherwise(403));
		list.add(Endpoint.of("POST /volunteers/activities/{junmenActivity}/signup").page().otherwise(302));
		list.add(Endpoint.of("GET /volunteers/checkin/{junmenToken}").page().otherwise(200));
		list.add(Endpoint.of("GET /volunteers/checkin/no-such-code").page().expect(404, accounts).otherwise(404));
		list.add(Endpoint.of("POST /volunteers/checkin/{junmenToken}?action=out").page().otherwise(302));
		list.add(Endpoint.of("GET /volunteers/register").page().otherwise(200));
		list.add(Endpoint.of("POST /volunteers/register").page().otherwise(200));
		list.add(Endpoint.of("GET /volunteers/me").page().otherwise(200));
		list.add(Endpoint.of("POST /volunteers/me/certificates").page().otherwise(302));
		list.add(Endpoint.of("GET /volunteers/me/certificates/JL-2026-DEMO000001.pdf").page().expect(200, "volunteer1")
			.otherwise(404));
		list.add(Endpoint.of("GET /volunteers").page().hides("紫阳社区", "admin", "city").expect(200, volunteerStaff).otherwise(403));
		list.add(Endpoint.of("GET /volunteers/export.xlsx").page().expect(200, volunteerStaff).otherwise(403));
		// member service (双报到, needs, posts, micro-wishes): staff of the community's subtree; a member her own
		// registrations; a resident her own wishes; a volunteer the open wishes of her community. No row changes state,
		// and none depends on whether member1 has registered yet (other tests register her).
		String ms = "/api/v1/member-service";
		String[] msStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		String[] msWriters = { "admin", "city", "gulou", "dongjie", "junmen" };
		list.add(Endpoint.of("GET " + ms + "/registrations").hides(ZIYANG_MARKER, "admin", "city").expect(200, msStaff)
			.expect(200, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST " + ms + "/registrations").body("{}").expect(400, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST " + ms + "/unit-registrations").body("{}").expect(400, msWriters).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/registrations/{junmenRegistration}").expect(200, msWriters)
			.expect(404, "junmen-grid1", MEMBER).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/registrations/{ziyangRegistration}").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1", MEMBER).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/registrations/{junmenRegistration}/report.xlsx?quarter=2026Q4")
			.expect(200, msWriters).expect(404, "junmen-grid1", MEMBER).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/registrations/{junmenRegistration}/report.pdf?quarter=2026Q4")
			.expect(200, msWriters).expect(404, "junmen-grid1", MEMBER).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/registrations/{ziyangRegistration}/report.pdf").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1", MEMBER).otherwise(403));
		list.add(Endpoint.of("POST " + ms + "/registrations/999999999/withdraw").expect(404, msStaff).expect(404, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/needs").hides("紫阳社区", "admin", "city").otherwise(200));
		list.add(Endpoint.of("POST " + ms + "/needs").body("{}").expect(400, msWriters).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/posts").hides("紫阳社区", "admin", "city").otherwise(200));
		list.add(Endpoint.of("POST " + ms + "/posts").body("{}").expect(400, msWriters).otherwise(403));
		list.add(Endpoint.of("POST " + ms + "/posts/999999999/signups").body("{}").expect(404, msStaff).expect(404, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/wishes").hides("紫阳社区", "admin", "city").expect(403, "canteen1")
			.otherwise(200));
		list.add(Endpoint.of("POST " + ms + "/wishes").body("{}").expect(400, msStaff).expect(400, "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/wishes/{junmenClaimedWish}").expect(200, msWriters).expect(403, "canteen1")
			.otherwise(404));
		list.add(Endpoint.of("GET " + ms + "/wishes/{ziyangWish}").expect(200, "admin", "city").expect(403, "canteen1")
			.otherwise(404));
		list.add(Endpoint.of("POST " + ms + "/wishes/{ziyangWish}/claim").expect(404, "volunteer1", MEMBER).otherwise(403));
		for (String action : List.of("release", "deliver")) {
			list.add(Endpoint.of("POST " + ms + "/wishes/{junmenDeliveredWish}/" + action).body("{}").expect(409, msWriters)
				.expect(403, "canteen1").otherwise(404));
		}
		list.add(Endpoint.of("POST " + ms + "/wishes/{junmenClaimedWish}/confirm").expect(409, msWriters)
			.expect(403, "canteen1").otherwise(404));
		list.add(Endpoint.of("POST " + ms + "/wishes/999999999/cancel").expect(403, "canteen1").otherwise(404));
		list.add(Endpoint.of("GET " + ms + "/figures").expect(200, msStaff).otherwise(403));
		list.add(Endpoint.of("GET " + ms + "/figures?territory=" + ZIYANG).expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /service/registration").page().expect(200, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /service/registration").page().expect(200, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /service/registration/999999999/withdraw").page().expect(404, msStaff)
			.expect(404, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /service/wishes").page().expect(403, "canteen1").otherwise(200));
		list.add(Endpoint.of("POST /service/wishes").page().expect(200, msStaff).expect(200, "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /service/wishes/{junmenClaimedWish}/confirm").page().expect(302, msWriters)
			.expect(403, "canteen1").otherwise(404));
		list.add(Endpoint.of("POST /service/posts/999999999/signup").page().expect(404, msStaff).expect(404, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /service/members").page().expect(200, msStaff).otherwise(403));
		list.add(Endpoint.of("GET /service/members/export.xlsx").page().expect(200, msStaff).otherwise(403));
		list.add(Endpoint.of("GET /service/members/{junmenRegistration}/report").page().expect(200, msWriters)
			.expect(404, "junmen-grid1", MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /service/members/{junmenRegistration}/report?format=xlsx").page().expect(200, msWriters)
			.expect(404, "junmen-grid1", MEMBER).otherwise(403));
		for (String form : List.of("/service/members/units", "/service/needs", "/service/posts")) {
			list.add(Endpoint.of("POST " + form).page().expect(200, msWriters).otherwise(403));
		}
		// party organisations: staff read their subtree (404 outside), community workers and above write there,
		// residents, volunteers and others get 403; writes with empty bodies stop at the field errors
		String[] partyWriters = { "admin", "city", "gulou", "dongjie", "junmen" };
		String[] notParty = { "resident1", "volunteer1", "canteen1", MEMBER };
		list.add(Endpoint.of("GET /api/v1/party/coverage?territory=" + JUNMEN).expect(200, partyWriters)
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/coverage?territory=350111").expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/coverage").otherwise(400));
		list.add(Endpoint.of("GET /api/v1/party/organisations").expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/party/organisations?territory=350111").expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/organisations/export.xlsx").expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/party/organisations/{junmenPartyOrg}").expect(200, partyWriters)
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/organisations/{ziyangPartyOrg}").expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/organisations").body("{}").expect(400, partyWriters).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/party/organisations/{junmenPartyOrg}/members").body("{}")
			.expect(400, partyWriters).expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/organisations/{ziyangPartyOrg}/members").body("{}")
			.expect(400, "admin", "city").expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/alliances").expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/party/units/{junmenPartyUnit}").expect(200, partyWriters)
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/units/{ziyangPartyUnit}").expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/units/{junmenPartyUnit}/commitments").body("{}")
			.expect(400, partyWriters).expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/commitments/{junmenPartyCommitment}/deliveries").body("{}")
			.expect(400, partyWriters).expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/commitments/{ziyangPartyCommitment}/deliveries").body("{}")
			.expect(400, "admin", "city").expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/committee-members").expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("POST /api/v1/party/committee-members").body("{}").expect(400, partyWriters).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/party/meetings").expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /api/v1/party/meetings/{junmenPartyMeeting}").expect(200, partyWriters)
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /api/v1/party/meetings/{ziyangPartyMeeting}").expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/meetings").body("{}").expect(400, partyWriters).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/party/tasks/overdue").expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("POST /api/v1/party/tasks/{junmenPartyTask}/done").body("{}").expect(400, partyWriters)
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /api/v1/party/tasks/{ziyangPartyTask}/done").body("{}").expect(400, "admin", "city")
			.expect(403, notParty).otherwise(404));
		// party pages (browser)
		list.add(Endpoint.of("GET /party/organisations").page().expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /party/organisations?territory=350111").page().expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /party/organisations/export.xlsx").page().expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /party/organisations/{junmenPartyOrg}").page().expect(200, partyWriters)
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /party/alliances").page().expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /party/units/{ziyangPartyUnit}").page().expect(200, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("GET /party/meetings").page().expect(403, notParty).otherwise(200));
		list.add(Endpoint.of("GET /party/meetings/{junmenPartyMeeting}").page().expect(200, partyWriters)
			.expect(403, notParty).otherwise(404));
		// without a note nothing is written: writers of the place are sent back to the meeting with the message
		list.add(Endpoint.of("POST /party/tasks/{ziyangPartyTask}/done").page().expect(302, "admin", "city")
			.expect(403, notParty).otherwise(404));
		list.add(Endpoint.of("POST /party/commitments/{ziyangPartyCommitment}/deliveries?unitId=1").page()
			.expect(302, "admin", "city").expect(403, notParty).otherwise(404));
		// service hours: everyone with an account has her own hours and time bank; staff read the ledger and the figures
		// of their jurisdiction; community workers and above book spending and reversals
		String[] hoursStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		String[] hoursWriters = { "admin", "city", "gulou", "dongjie", "junmen" };
		String[] withAccount = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "resident1", "volunteer1",
				MEMBER, "canteen1" };
		list.add(Endpoint.of("GET /api/v1/service-hours/mine").expect(200, withAccount).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/service-hours/time-bank/join").expect(200, withAccount).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/service-hours/time-bank/donations").body("{}").expect(400, withAccount).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/service-hours/time-bank/spendings").body("{}").expect(400, hoursWriters).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/service-hours/transfers").expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/service-hours/transfers?territory=" + ZIYANG).expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/service-hours/transfers/{junmenTransfer}").expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/service-hours/transfers/{junmenTransfer}/reversal").body("{}").expect(400, hoursWriters)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/service-hours/people/volunteer1/records").expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/service-hours/figures").expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/service-hours/figures?territory=" + ZIYANG).expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /service/hours").page().expect(200, withAccount).otherwise(403));
		list.add(Endpoint.of("POST /service/hours/time-bank/donate").page().expect(200, withAccount).otherwise(403));
		list.add(Endpoint.of("GET /service/figures").page().expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("GET /service/figures?territory=" + ZIYANG).page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /service/figures/export.xlsx").page().expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("GET /service/ledger").page().expect(200, hoursStaff).otherwise(403));
		list.add(Endpoint.of("POST /service/ledger/{junmenTransfer}/reverse").page().expect(200, hoursWriters).otherwise(403));
		// 15-minute circle (pages helper): staff read the results of their jurisdiction (a grid worker's node lies below
		// any community, so she sees no community's results); residents and other non-staff are refused; street
		// officials and above request runs; administrators and city officials replace the walking network
		String[] circleStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		String[] circleJunmen = { "admin", "city", "gulou", "dongjie", "junmen" };
		list.add(Endpoint.of("GET /api/v1/circle/coverage").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/coverage?territory=350111").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/coverage/export.xlsx").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/gaps").hides("紫阳社区", "admin", "city").expect(200, circleStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/gaps?territory=" + ZIYANG).expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/gaps/export.xlsx").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/communities/" + JUNMEN).expect(200, circleJunmen)
			.expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/communities/" + ZIYANG).expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/suggestions?category=NO_SUCH_CATEGORY").expect(400, circleStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/isochrone?lat=north&lon=119.3").expect(400, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/map/communities").hides("紫阳社区", "admin", "city")
			.expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/map/communities?territory=350111").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/map/facilities").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/map/buildings").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/circle/network/extract").expect(400, "admin", "city").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/runs/{circleRun}").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/runs/latest?after={circleRun}").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/runs/current").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/circle/runs").body("{}").expect(202, "admin", "city", "gulou", "dongjie")
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/suggestions?category={circleCategory}&after={circleRun}")
			.expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/suggestions?category={circleCategory}&territory=350111")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").expect(200, "admin", "city").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/isochrone?{circlePoint}").expect(200, circleStaff).otherwise(403));
		// what-if (issue 20): staff, answers listing only their jurisdiction; bad input is a 400
		list.add(Endpoint.of("POST /api/v1/circle/what-if").body("{}").expect(400, circleStaff).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/circle/what-if").body("{\"category\":\"NO_SUCH_CATEGORY\",\"action\":\"ADD\","
				+ "\"lat\":26.08,\"lon\":119.3}").expect(400, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/network").expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/circle/network/generated").expect(200, "admin", "city").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/circle/network/jobs/0").expect(404, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle?territory=350111").page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /circle/export.xlsx").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/gaps").page().hides("紫阳社区", "admin", "city").expect(200, circleStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /circle/gaps/export.xlsx").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/communities/" + JUNMEN).page().expect(200, circleJunmen)
			.expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /circle/communities/" + ZIYANG).page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /circle/suggestions?category=NO_SUCH_CATEGORY").page().expect(200, circleStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /circle/map").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/map/communities.json").page().hides("紫阳社区", "admin", "city")
			.expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/map/facilities.json").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/map/buildings.json").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/map/isochrone.json?lat=north&lon=119.3").page().expect(400, circleStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /circle/runs/current").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/network").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/network/jobs/latest").page().expect(200, circleStaff).otherwise(403));
		// without a file nothing is replaced: the page comes back with the field message
		list.add(Endpoint.of("POST /circle/network/extract").page().expect(200, "admin", "city").otherwise(403));
		list.add(Endpoint.of("POST /circle/network/generated").page().expect(302, "admin", "city").otherwise(403));
		list.add(Endpoint.of("POST /circle/runs").page().expect(302, "admin", "city", "gulou", "dongjie").otherwise(403));
		list.add(Endpoint.of("GET /circle/map/isochrone.json?{circlePoint}").page().expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/map/what-if.json?category={circleCategory}&{circlePoint}&after={circleRun}").page()
			.expect(200, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/map/what-if.json?category={circleCategory}&lat=north&lon=119.3").page()
			.expect(400, circleStaff).otherwise(403));
		list.add(Endpoint.of("GET /circle/suggestions?category={circleCategory}&after={circleRun}").page()
			.expect(200, circleStaff).otherwise(403));
		// the platform's basemap under every map: any signed-in account (public geography only); a bad box is a 400
		list.add(Endpoint.of("GET /maps/basemap?bbox=119.29,26.07,119.31,26.09&zoom=16").page().otherwise(200));
		list.add(Endpoint.of("GET /maps/basemap?bbox=119,26,121,28&zoom=16").page().otherwise(400));
		// the public board and the Open311 service list: anyone, signed in or not
		list.add(Endpoint.of("GET /public/board/" + JUNMEN).expect(200, ANONYMOUS).otherwise(200));
		list.add(Endpoint.of("GET /open311/v2/services.json").expect(200, ANONYMOUS).otherwise(200));
		// meal assistance: staff read the diners of their jurisdiction, canteen1 those of her canteen; only a canteen's
		// terminal key and its operator record sales (an empty sale is refused with field errors: nothing is written)
		list.add(Endpoint.of("GET /api/v1/meals/diners").expect(200, "admin", "city", "gulou", "dongjie", "junmen",
				"junmen-grid1", "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/sales").body("{}").expect(400, "canteen1", CANTEEN_KEY).otherwise(403));
		list.add(Endpoint.of("GET /meals").page().expect(200, "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1",
				"canteen1").otherwise(403));
		// the counter page: the place's operator only (a sale without a key is refused with field errors)
		list.add(Endpoint.of("GET /meals/counter").page().expect(200, "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /meals/counter").page().expect(200, "canteen1").otherwise(403));
		// food safety: staff of the jurisdiction and the place's operator read samples and checks; only the operator
		// logs and disposes (bad input: field errors, nothing written; an unknown sample: not found)
		String[] safetyReaders = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "canteen1" };
		list.add(Endpoint.of("GET /api/v1/meals/samples").expect(200, safetyReaders).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/samples").body("{}").expect(400, "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/samples/0/disposal").expect(404, "canteen1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/checks").expect(200, safetyReaders).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/checks").body("{}").expect(400, "canteen1").otherwise(403));
		list.add(Endpoint.of("GET /meals/samples").page().expect(200, safetyReaders).otherwise(403));
		list.add(Endpoint.of("POST /meals/samples").page().expect(200, "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /meals/samples/0/disposal").page().expect(404, "canteen1").otherwise(403));
		list.add(Endpoint.of("GET /meals/samples/0/photo").page().expect(404, safetyReaders).otherwise(403));
		list.add(Endpoint.of("POST /meals/checks").page().expect(200, "canteen1").otherwise(403));
		// the monthly settlement: staff of the jurisdiction read a place's statement (staff must name the place: 400),
		// canteen1 her own; the canteen submits a month that is over (the current one is not: 409), the street approves
		// (a month never submitted: 409); a month still to come is a field error
		list.add(Endpoint.of("GET /api/v1/meals/settlements?place={canteenPlace}").expect(200, "admin", "city", "gulou",
				"dongjie", "canteen1").expect(404, "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/settlements").expect(400, "admin", "city", "gulou", "dongjie", "junmen",
				"junmen-grid1").expect(200, "canteen1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/settlements?month=2999-01").expect(400, safetyReaders).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/settlements/submission?month=" + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")))
			.expect(409, "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/settlements/approval?place={canteenPlace}&month=2001-01")
			.expect(409, "admin", "city", "gulou", "dongjie").otherwise(403));
		list.add(Endpoint.of("GET /meals/settlements").page().expect(200, safetyReaders).otherwise(403));
		list.add(Endpoint.of("GET /meals/settlements.xlsx?place={canteenPlace}").page().expect(200, "admin", "city", "gulou",
				"dongjie", "canteen1").expect(404, "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("POST /meals/settlements/submission?month=2001-02").page().expect(302, "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /meals/settlements/approval?place={canteenPlace}&month=2001-03").page()
			.expect(302, "admin", "city", "gulou", "dongjie").otherwise(403));
		// the meal figures: staff, each for their jurisdiction (晋安区 is outside 鼓楼区: not found); a month to come is a
		// field error, an unknown figure not found; the drill-down, the page and the export follow the same rule
		String[] mealFigureReaders = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("GET /api/v1/meals/figures").expect(200, mealFigureReaders).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/figures?territory=350111").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/figures?month=2999-01").expect(400, mealFigureReaders).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/figures/diners/records").expect(200, mealFigureReaders).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/figures/nothing/records").expect(404, mealFigureReaders).otherwise(403));
		list.add(Endpoint.of("GET /meals/figures").page().expect(200, mealFigureReaders).otherwise(403));
		list.add(Endpoint.of("GET /meals/figures/living-alone-enrolled").page().expect(200, mealFigureReaders).otherwise(403));
		list.add(Endpoint.of("GET /meals/figures.xlsx").page().expect(200, mealFigureReaders).otherwise(403));
		// the indicator cockpit: staff, each for their jurisdiction (晋安区 is outside 鼓楼区: not found); a month still to
		// come is a field error; the records an indicator counts follow the same rule
		String[] qualityStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("GET /api/v1/quality/indicators").expect(200, qualityStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators?territory=350111").expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators?period=2999-01").expect(400, qualityStaff).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators/demands.satisfaction/records").expect(200, qualityStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators/demands.satisfaction/records?territory=350111")
			.expect(200, "admin", "city").expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators/no-such-indicator/records").expect(404, qualityStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/targets").expect(200, qualityStaff).otherwise(403));
		// officials set targets (an empty one is refused with field errors: nothing is written)
		list.add(Endpoint.of("PUT /api/v1/quality/targets").body("{}").expect(400, "admin", "city", "gulou", "dongjie")
			.otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/quality/targets?indicator=demands.response&territory=350102&year=2001")
			.expect(404, "admin", "city", "gulou", "dongjie").otherwise(403));
		list.add(Endpoint.of("GET /quality").page().expect(200, qualityStaff).otherwise(403));
		list.add(Endpoint.of("GET /quality?territory=350111").page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /quality/indicators/circle.urban-coverage/records").page().expect(200, qualityStaff)
			.otherwise(403));
		// an indicator's trend and forecast (a span of months outside 1 to 36 is a field error); the cockpit's table and
		// any records list as workbooks, by the same rule
		list.add(Endpoint.of("GET /api/v1/quality/indicators/circle.urban-coverage/trend").expect(200, qualityStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators/demands.response/trend?territory=350111&months=3")
			.expect(200, "admin", "city").expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators/demands.response/trend?months=99").expect(400, qualityStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /quality/export.xlsx").page().expect(200, qualityStaff).otherwise(403));
		list.add(Endpoint.of("GET /quality/export.xlsx?territory=350111").page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /quality/indicators/demands.satisfaction/records/export.xlsx").page().expect(200, qualityStaff)
			.otherwise(403));
		// satisfaction surveys (demo: survey 1 is 鼓楼区's closed survey of last month, survey 2 军门社区's open one with
		// every resident invited): staff read those of their jurisdiction (another's is 404), community workers and
		// officials build them, a resident with her register record (resident1; member1 has none) answers her own invitations; a grid
		// worker does not cover a community's survey; answers are anonymous
		String[] surveyManagers = { "admin", "city", "gulou", "dongjie", "junmen" };
		list.add(Endpoint.of("GET /api/v1/quality/surveys").expect(200, qualityStaff).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/surveys").body("{}").expect(400, surveyManagers).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/surveys/1").expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/surveys/1/report").expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/surveys/1/answers").expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/surveys/2/report").expect(200, surveyManagers).expect(404, "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/surveys/1/invitations").expect(409, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/surveys/1/open").expect(409, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen").otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/surveys/2/answers").body("{\"invitationId\":999999999}")
			.expect(404, qualityStaff).expect(404, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/quality/surveys/2/answers").body("{}").expect(400, qualityStaff)
			.expect(400, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/surveys/invitations").expect(200, "resident1").expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/quality/indicators/survey.satisfaction-index/records").expect(200, qualityStaff)
			.otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys").page().expect(200, qualityStaff).otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/new").page().expect(200, surveyManagers).otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/1").page().expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/1/answers").page().expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/1/report.xlsx").page().expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/1/answers.xlsx").page().expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/mine").page().expect(200, "resident1").expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /quality/surveys/invitations/999999999").page().expect(404, qualityStaff)
			.expect(404, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /quality/surveys/invitations/999999999").page().expect(404, qualityStaff)
			.expect(404, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /quality/surveys").page().expect(200, surveyManagers).otherwise(403));
		for (String action : List.of("open", "close", "invitations")) {
			list.add(Endpoint.of("POST /quality/surveys/1/" + action).page().expect(200, "admin", "city", "gulou")
				.expect(404, "dongjie", "junmen").otherwise(403));
		}
		// enrolment: staff enrol the elders of their jurisdiction, a resident herself (王阿姨 is enrolled: 409); a diner's
		// record to staff of her jurisdiction, her place's operator and herself; only staff reveal her diets (audited).
		// Bad input everywhere (nothing is written): field errors, the form again on pages.
		String[] mealsStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("POST /api/v1/meals/diners").body("{}").expect(400, mealsStaff).expect(409, "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/diners/{wangDiner}").expect(200, mealsStaff).expect(200, "resident1", "canteen1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/diners/{otherStreetDiner}").expect(200, "admin", "city", "gulou")
			.expect(404, "dongjie", "junmen", "junmen-grid1", "resident1", "canteen1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/meals/diners/{wangDiner}").body("{\"resumeOn\":\"2026-01-01\"}")
			.expect(400, mealsStaff).expect(400, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/meals/diners/{otherStreetDiner}").body("{\"resumeOn\":\"2026-01-01\"}")
			.expect(400, "admin", "city", "gulou").expect(404, "dongjie", "junmen", "junmen-grid1", "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /meals/diners").page().expect(200, mealsStaff).expect(200, "canteen1").otherwise(403));
		list.add(Endpoint.of("POST /meals/diners").page().expect(200, mealsStaff).otherwise(403));
		list.add(Endpoint.of("GET /meals/diners/{wangDiner}").page().expect(200, mealsStaff).expect(200, "resident1", "canteen1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/diners/{wangDiner}?resumeOn=2026-01-01").page().expect(200, mealsStaff)
			.expect(200, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/diners/{wangDiner}/diets").page().expect(200, mealsStaff).otherwise(403));
		list.add(Endpoint.of("GET /meals/me").page().expect(200, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/me?resumeOn=2026-01-01").page().expect(200, "resident1").expect(403, MEMBER)
			.otherwise(403));
		// menus: every account reads them; the staff of the place's jurisdiction and its operators replace a week
		// (军门社区's meal point: junmen's, not grid1's). Orders: the elder her own, staff and operators on her behalf;
		// the day's orders to their staff and operators. Bad or empty input everywhere: nothing is written.
		String[] overMealPoint = { "admin", "city", "gulou", "dongjie", "junmen" };
		String[] signedIn = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "resident1", "volunteer1",
				"member1", "canteen1" };
		list.add(Endpoint.of("GET /api/v1/meals/places/{junmenMealPoint}/menus").expect(200, signedIn).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/meals/places/{junmenMealPoint}/menus").body("{}").expect(400, overMealPoint)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/orders?place={junmenMealPoint}").expect(200, overMealPoint)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/orders").expect(400, mealsStaff).expect(200, "canteen1").expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/orders/mine").expect(200, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/orders").body("{}").expect(400, mealsStaff).expect(400, "resident1", "canteen1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/meals/orders/0").expect(404, mealsStaff).expect(404, "resident1", "canteen1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/meals/standing-orders").body("{}").expect(400, mealsStaff)
			.expect(400, "resident1", "canteen1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/meals/standing-orders/0").expect(404, mealsStaff)
			.expect(404, "resident1", "canteen1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /meals/order").page().expect(200, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/order").page().expect(302, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/order/0/cancel").page().expect(404, "resident1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/order/standing?meal=BREAKFAST").page().otherwise(400));
		list.add(Endpoint.of("POST /meals/order/standing/0/end").page().expect(404, "resident1").expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /meals/orders").page().expect(200, mealsStaff).expect(200, "canteen1").expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /meals/places/{junmenMealPoint}/menus").page().expect(200, signedIn).otherwise(403));
		// the production sheet of a place: its staff and operators (the page, its Excel, the JSON)
		list.add(Endpoint.of("GET /api/v1/meals/places/{junmenMealPoint}/production").expect(200, overMealPoint)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /meals/places/{junmenMealPoint}/production").page().expect(200, overMealPoint)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /meals/places/{junmenMealPoint}/production.xlsx").page().expect(200, overMealPoint)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /meals/places/{junmenMealPoint}/menus?lines=bad").page().expect(200, overMealPoint)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		// delivery routes: staff whose jurisdiction holds the canteen and its operator (others of the staff: 404)
		list.add(Endpoint.of("POST /api/v1/meals/places/{canteenPlace}/routes?day=2030-01-07")
			.expect(201, "admin", "city", "gulou", "dongjie", "canteen1")
			.expect(404, "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/places/{canteenPlace}/routes?day=2030-01-07")
			.expect(200, "admin", "city", "gulou", "dongjie", "canteen1")
			.expect(404, "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/meals/routes/{canteenRoute}")
			.expect(200, "admin", "city", "gulou", "dongjie", "canteen1")
			.expect(404, "junmen", "junmen-grid1")
			.otherwise(403));
		// the courier marks a stop (no such stop here: nothing is written), on the API and on the phone page; the PDF sheet
		list.add(Endpoint.of("POST /api/v1/meals/routes/{canteenRoute}/stops/999").body("{\"outcome\": \"DELIVERED\"}")
			.expect(404, "admin", "city", "gulou", "dongjie", "canteen1", "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("GET /meals/routes/{canteenRoute}").page()
			.expect(200, "admin", "city", "gulou", "dongjie", "canteen1")
			.expect(404, "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("GET /meals/routes/{canteenRoute}/pdf").page()
			.expect(200, "admin", "city", "gulou", "dongjie", "canteen1")
			.expect(404, "junmen", "junmen-grid1")
			.otherwise(403));
		list.add(Endpoint.of("POST /meals/routes/{canteenRoute}/stops/999?outcome=DELIVERED").page()
			.expect(404, "admin", "city", "gulou", "dongjie", "canteen1", "junmen", "junmen-grid1")
			.otherwise(403));
		// consultation: staff read their jurisdiction's topics (a grid worker's grid holds none), 军门社区's residents
		// their community's; community workers and administrators run them. The demo's published topic is complete, so
		// every write here is refused (409) or invalid (400): nothing is written. The public board is open to all.
		String[] consultationReaders = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "resident1" };
		String[] topicReaders = { "admin", "city", "gulou", "dongjie", "junmen", "resident1" };
		list.add(Endpoint.of("GET /api/v1/consultation/topics").expect(200, consultationReaders).expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /api/v1/consultation/topics/{junmenTopic}").expect(200, topicReaders)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/consultation/figures").expect(200, consultationReaders).expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("POST /api/v1/consultation/topics").body("{}").expect(400, "admin", "junmen", "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/consultation/topics/{junmenTopic}/support").expect(409, "resident1")
			.expect(403, MEMBER).otherwise(403));
		for (String write : List.of("PUT /api/v1/consultation/topics/{junmenTopic}/arrangement",
				"POST /api/v1/consultation/topics/{junmenTopic}/materials",
				"POST /api/v1/consultation/topics/{junmenTopic}/stages/0/sittings",
				"POST /api/v1/consultation/topics/{junmenTopic}/vote/open",
				"POST /api/v1/consultation/topics/{junmenTopic}/vote/close",
				"POST /api/v1/consultation/topics/{junmenTopic}/decision/publication",
				"POST /api/v1/consultation/topics/{junmenTopic}/result")) {
			list.add(Endpoint.of(write).body("{}").expect(409, "admin", "junmen").expect(403, MEMBER).otherwise(403));
		}
		list.add(Endpoint.of("POST /api/v1/consultation/topics/{junmenTopic}/progress").body("{}")
			.expect(400, "admin", "junmen").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/consultation/topics/{junmenTopic}/ballot").body("{}").expect(400, "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/consultation/topics/{junmenTopic}/rating").body("{}").expect(400, "resident1")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /consultation/topics").page().expect(200, consultationReaders).expect(403, MEMBER)
			.otherwise(403));
		list.add(Endpoint.of("GET /consultation/topics/{junmenTopic}").page().expect(200, topicReaders)
			.expect(404, "junmen-grid1").expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("GET /consultation/topics/by-demand/999999999").page()
			.expect(404, consultationReaders).expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /consultation/topics").page().expect(200, "admin", "junmen", "resident1")
			.expect(403, MEMBER).otherwise(403));
		// page actions on the completed topic: the refusal or the field messages are shown on the topic's page
		for (String action : List.of("arrangement", "materials", "stages/0/sittings", "vote/open", "vote/close",
				"decision/publication", "result", "progress")) {
			list.add(Endpoint.of("POST /consultation/topics/{junmenTopic}/" + action).page().expect(200, "admin", "junmen")
				.expect(403, MEMBER).otherwise(403));
		}
		for (String action : List.of("support", "ballot", "rating")) {
			list.add(Endpoint.of("POST /consultation/topics/{junmenTopic}/" + action).page().expect(200, "resident1")
				.expect(403, MEMBER).otherwise(403));
		}
		list.add(Endpoint.of("GET /public/consultation/" + JUNMEN).expect(200, ANONYMOUS).otherwise(200));
		// consultation room through spaces (community workers and administrators; the demo topic is complete: 409 or
		// the refusal on its page) and every account's own invitations
		list.add(Endpoint.of("GET /api/v1/consultation/topics/{junmenTopic}/room/choices").expect(200, "admin", "junmen")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/consultation/topics/{junmenTopic}/room").body("{}").expect(409, "admin", "junmen")
			.expect(403, MEMBER).otherwise(403));
		list.add(Endpoint.of("POST /consultation/topics/{junmenTopic}/room").page().expect(200, "admin", "junmen")
			.expect(403, MEMBER).otherwise(403));
		String[] everyAccount = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "resident1", "volunteer1",
				MEMBER, "canteen1" };
		list.add(Endpoint.of("GET /api/v1/consultation/invitations").expect(200, everyAccount).otherwise(403));
		list.add(Endpoint.of("GET /consultation/mine").page().expect(200, everyAccount).otherwise(403));
		list.add(Endpoint.of("POST /consultation/mine/read").page().expect(302, everyAccount).otherwise(403));
		// the figures page and its workbook: staff, their (focused) jurisdiction
		String[] consultationStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		list.add(Endpoint.of("GET /consultation/figures").page().expect(200, consultationStaff).otherwise(403));
		list.add(Endpoint.of("GET /consultation/figures/export.xlsx").page().expect(200, consultationStaff).otherwise(403));
		// spaces: every signed-in account reads the spaces and books under their rules; community workers and up edit
		// the spaces of their jurisdiction; staff covering the community run its bookings (another community's: 404)
		String[] spaceWriters = { "admin", "city", "gulou", "dongjie", "junmen" };
		String[] spaceStaff = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1" };
		String[] spaceAccounts = { "admin", "city", "gulou", "dongjie", "junmen", "junmen-grid1", "resident1", "volunteer1",
				MEMBER, "canteen1" };
		list.add(Endpoint.of("GET /api/v1/spaces?community=" + JUNMEN).expect(200, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces?community=999999").expect(404, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/{junmenSpace}").expect(200, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/{junmenSpace}/taken").expect(200, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces").body("{}").expect(400, spaceWriters).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/spaces/{junmenSpace}").body("{}").expect(400, spaceWriters).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/{junmenSpace}/zones").body("{}").expect(400, spaceWriters).otherwise(403));
		list.add(Endpoint.of("PUT /api/v1/spaces/zones/{junmenBarZone}").body("{}").expect(400, spaceWriters).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/{junmenSpace}/blackouts").body("{}").expect(400, spaceWriters)
			.otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/spaces/blackouts/0").expect(404, spaceWriters).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/bookings").body("{}").expect(400, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/bookings/preview").body("{}").expect(400, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/bookings/mine").expect(200, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/bookings?community=" + JUNMEN).expect(200, spaceWriters)
			.expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/bookings?community=" + ZIYANG).expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/bookings/{resident1Booking}").expect(200, spaceWriters)
			.expect(200, "resident1").expect(404, "junmen-grid1", "volunteer1", MEMBER, "canteen1").otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/spaces/bookings/0").expect(404, spaceAccounts).otherwise(403));
		for (String action : List.of("approve", "reject", "check-in")) {
			list.add(Endpoint.of("POST /api/v1/spaces/bookings/0/" + action).expect(404, spaceStaff).otherwise(403));
		}
		list.add(Endpoint.of("POST /api/v1/spaces/check-in/no-such-code").expect(404, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/waitlist").body("{}").expect(400, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("GET /api/v1/spaces/waitlist/mine").expect(200, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/waitlist/0/accept").expect(404, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("DELETE /api/v1/spaces/waitlist/0").expect(404, spaceAccounts).otherwise(403));
		list.add(Endpoint.of("POST /api/v1/spaces/feed").expect(200, spaceAccounts).otherwise(403));
		// the public feed and page (signed out too), a personal feed's unknown token, the pages of the signed-in
		list.add(Endpoint.of("GET /spaces/{junmenSpace}/calendar.ics").expect(200, ANONYMOUS).otherwise(200));
		list.add(Endpoint.of("GET /spaces/me/no-such-token.ics").page().expect(404, ANONYMOUS, OPEN311_KEY).otherwise(404));
		list.add(Endpoint.of("GET /public/spaces/{junmenSpace}").page().expect(200, ANONYMOUS, OPEN311_KEY).otherwise(200));
		list.add(Endpoint.of("GET /spaces/mine").page().otherwise(200));
		// a space's booking calendar and booking from it (a zone of no such space: 404)
		list.add(Endpoint.of("GET /spaces/{junmenSpace}").page().otherwise(200));
		list.add(Endpoint.of("GET /spaces/{junmenSpace}?week=true&day=2030-01-07").page().otherwise(200));
		list.add(Endpoint.of("POST /spaces/{junmenSpace}/book?zoneId=0&start=2030-01-07T02:00Z").page().otherwise(404));
		list.add(Endpoint.of("POST /spaces/mine/feed").page().otherwise(302));
		list.add(Endpoint.of("POST /spaces/mine/0/cancel").page().otherwise(404));
		list.add(Endpoint.of("POST /spaces/waitlist/0/accept").page().otherwise(404));
		list.add(Endpoint.of("GET /spaces/bookings/{resident1Booking}/qr.svg").page().expect(200, spaceWriters)
			.expect(200, "resident1").expect(404, MEMBER).otherwise(404));
		list.add(Endpoint.of("GET /spaces/check-in/no-such-code").page().otherwise(404));
		list.add(Endpoint.of("POST /spaces/check-in/no-such-code").page().otherwise(404));
		list.add(Endpoint.of("GET /spaces/desk").page().expect(200, spaceStaff).otherwise(403));
		list.add(Endpoint.of("GET /spaces/desk?community=" + JUNMEN).page().expect(200, "admin", "city", "gulou", "dongjie",
				"junmen").expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /spaces/desk?community=" + ZIYANG).page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("POST /spaces/desk/0/approve").page().expect(404, spaceStaff).otherwise(403));
		// utilisation figures of the spaces and the bookings behind each (a territory outside the jurisdiction: 404)
		list.add(Endpoint.of("GET /spaces/figures").page().expect(200, spaceStaff).otherwise(403));
		list.add(Endpoint.of("GET /spaces/figures?territory=" + JUNMEN).page().expect(200, "admin", "city", "gulou",
				"dongjie", "junmen").expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /spaces/figures?territory=" + ZIYANG).page().expect(200, "admin", "city")
			.expect(404, "gulou", "dongjie", "junmen", "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /spaces/figures/check-in-rate?territory=" + JUNMEN + "&space={junmenSpace}").page()
			.expect(200, "admin", "city", "gulou", "dongjie", "junmen").expect(404, "junmen-grid1").otherwise(403));
		list.add(Endpoint.of("GET /spaces/figures/no-such-figure").page().expect(404, spaceStaff).otherwise(403));
		return list;
	}

	static Stream<Arguments> cells() {
		return endpoints().stream().flatMap(e -> CALLERS.stream().map(c -> Arguments.of(c, e)));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("cells")
	void cell(String caller, Endpoint endpoint) throws Exception {
		MockHttpServletRequestBuilder request = request(endpoint.method(), resolve(endpoint.path()))
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
		if (endpoint.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
		}
		if (caller.equals(OPEN311_KEY)) {
			request.header("X-Api-Key", DemoAccounts.OPEN311_KEY);
		}
		else if (caller.equals(DEVICE_KEY)) {
			request.header("X-Api-Key", DemoAccounts.DEVICE_KEY);
		}
		else if (caller.equals(CANTEEN_KEY)) {
			request.header("X-Api-Key", DemoAccounts.CANTEEN_KEY);
		}
		else if (endpoint.page() && !caller.equals(ANONYMOUS)) {
			request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername(caller)));
		}
		else if (!caller.equals(ANONYMOUS)) {
			request.with(httpBasic(caller, PASSWORD));
		}
		if (endpoint.page() && endpoint.method() != HttpMethod.GET) {
			request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("%s %s as %s", endpoint.method(), endpoint.path(), caller)
			.isEqualTo(endpoint.expectedFor(caller));
		if (response.getStatus() >= 400 && !endpoint.page()) {
			assertThat(response.getContentType()).as("error body of %s as %s", endpoint, caller)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		if (endpoint.hiddenMarker() != null && !endpoint.seeHidden().contains(caller)) {
			assertThat(response.getContentAsString()).as("%s as %s leaks another jurisdiction", endpoint, caller)
				.doesNotContain(endpoint.hiddenMarker());
		}
		cells++;
	}

	@Test
	void matrixCoversEveryCallerAndEndpoint() {
		assertThat(cells().count()).isEqualTo((long) endpoints().size() * CALLERS.size());
	}

	@AfterAll
	static void report() {
		System.out.printf("Access matrix: %d endpoints x %d callers = %d cells checked%n", endpoints().size(),
				CALLERS.size(), cells);
	}
}
