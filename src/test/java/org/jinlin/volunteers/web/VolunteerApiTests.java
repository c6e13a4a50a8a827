package org.jinlin.volunteers.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jinlin.servicehours.ParticipantKind;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.support.DemoAccounts;
import org.jinlin.volunteers.internal.IdNumbers;
import org.jinlin.volunteers.internal.VolunteerTimes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The volunteers API: registration, activities, the sign-in rules, hours confirmation, certificates. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(PublishedEventsExtension.class)
class VolunteerApiTests {

	/** volunteer1's demo certificate (README). */
	static final String DEMO_CERTIFICATE = "JL-2026-DEMO000001";

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long volunteer1;

	@BeforeEach
	void freshDay() {
		volunteer1 = jdbc.sql("SELECT id FROM volunteer WHERE username = 'volunteer1'").query(Long.class).single();
		// each test starts volunteer1's day afresh (the daily limit counts every activity of the day)
		jdbc.sql("DELETE FROM volunteer_attendance WHERE volunteer_id = ? AND service_date >= ?")
			.params(volunteer1, LocalDate.now(VolunteerTimes.ZONE).minusDays(1)).update();
	}

	MockHttpServletResponse call(String caller, MockHttpServletRequestBuilder request, String body) throws Exception {
		request.header("Accept-Language", "zh-CN").accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (caller != null) {
			request.with(DemoAccounts.as(caller));
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static String json(MockHttpServletResponse r) throws Exception {
		return r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A published activity of 军门社区 starting in half an hour (check-in opens two hours before). */
	long activity(String category, int capacity) throws Exception {
		LocalDateTime start = LocalDateTime.now(VolunteerTimes.ZONE).plusMinutes(30);
		var r = call("junmen", post("/api/v1/volunteers/activities"), """
				{"title":"测试活动","organiserKind":"COMMUNITY","territoryCode":"350102004001","category":"%s",
				 "venue":"军门社区党群服务中心","startsAt":"%s","endsAt":"%s","capacity":%d}"""
			.formatted(category, start.format(LOCAL), start.plusHours(3).format(LOCAL), capacity));
		assertThat(r.getStatus()).as(json(r)).isEqualTo(201);
		long id = ((Number) JsonPath.read(json(r), "$.id")).longValue();
		assertThat(call("junmen", post("/api/v1/volunteers/activities/" + id + "/publish"), null).getStatus()).isEqualTo(200);
		return id;
	}

	String token(long activity) {
		return jdbc.sql("SELECT checkin_token FROM volunteer_activity WHERE id = ?").param(activity).query(String.class).single();
	}

	void signUp(String caller, long activity) throws Exception {
		var r = call(caller, post("/api/v1/volunteers/activities/" + activity + "/signups"), "{}");
		assertThat(r.getStatus()).as(json(r)).isEqualTo(201);
	}

	// ------------------------------------------------------------------ the sign-in rules

	@Test
	void aFourthSignInPairInADayIsRejectedWithItsMessage() throws Exception {
		long a = activity("GREENERY", 10);
		signUp("volunteer1", a);
		String t = token(a);
		for (int i = 0; i < 3; i++) {
			assertThat(call("volunteer1", post("/api/v1/volunteers/checkin/" + t + "/sign-in"), null).getStatus()).isEqualTo(200);
			assertThat(call("volunteer1", post("/api/v1/volunteers/checkin/" + t + "/sign-out"), null).getStatus()).isEqualTo(200);
		}
		var fourth = call("volunteer1", post("/api/v1/volunteers/checkin/" + t + "/sign-in"), null);
		assertThat(fourth.getStatus()).isEqualTo(409);
		assertThat(fourth.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat((String) JsonPath.read(json(fourth), "$.detail")).isEqualTo("每人每天最多签到签退 3 次，今天的次数已用完。");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer_attendance WHERE activity_id = ?").param(a).query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void aSignOutWithoutASignInIsRejectedWithItsMessage() throws Exception {
		long a = activity("GREENERY", 10);
		signUp("volunteer1", a);
		var r = call("volunteer1", post("/api/v1/volunteers/checkin/" + token(a) + "/sign-out"), null);
		assertThat(r.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(r), "$.detail")).isEqualTo("您还没有签到，不能签退。");
		// a volunteer not signed up cannot sign in; an unknown code is a 404
		long other = activity("GREENERY", 10);
		assertThat((String) JsonPath.read(json(call("volunteer1", post("/api/v1/volunteers/checkin/" + token(other) + "/sign-in"), null)),
				"$.detail")).isEqualTo("您没有报名这个活动。");
		assertThat(call("volunteer1", post("/api/v1/volunteers/checkin/no-such-token/sign-in"), null).getStatus()).isEqualTo(404);
	}

	@Test
	void aBackDatedRecordCountsOnlyOnceTheOrganiserApprovedItAndConfirmationPublishesTheService(PublishedEvents events)
			throws Exception {
		long a = activity("ELDERLY", 10);
		signUp("volunteer1", a);
		LocalDateTime now = LocalDateTime.now(VolunteerTimes.ZONE);
		var added = call("volunteer1", post("/api/v1/volunteers/activities/" + a + "/attendance"), """
				{"signedInAt":"%s","signedOutAt":"%s","reason":"手机没电，未能扫码"}"""
			.formatted(now.minusMinutes(200).format(LOCAL), now.minusMinutes(80).format(LOCAL)));
		assertThat(added.getStatus()).as(json(added)).isEqualTo(201);
		assertThat((String) JsonPath.read(json(added), "$.status")).isEqualTo("PENDING");
		long record = ((Number) JsonPath.read(json(added), "$.id")).longValue();
		String confirm = "{\"volunteerId\":" + volunteer1 + ",\"training\":\"急救培训\",\"evaluation\":\"优秀\"}";
		// not counted until approved: confirming is refused with the rule's message
		var refused = call("junmen", post("/api/v1/volunteers/activities/" + a + "/records"), confirm);
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(refused), "$.detail")).startsWith("有补录记录尚待组织方审核");
		var hours = call("junmen", get("/api/v1/volunteers/activities/" + a + "/hours"), null);
		assertThat(((Number) JsonPath.read(json(hours), "$[0].computedHours")).doubleValue()).isEqualTo(0.0);
		// approving needs the organiser's rights
		String decision = "/api/v1/volunteers/activities/" + a + "/attendance/" + record + "/decision";
		assertThat(call("volunteer1", post(decision), "{\"approve\":true}").getStatus()).isEqualTo(403);
		assertThat(call("junmen", post(decision), "{\"approve\":true}").getStatus()).isEqualTo(200);
		// adjusting down needs a reason; more than computed is refused
		var noReason = call("junmen", post("/api/v1/volunteers/activities/" + a + "/records"),
				"{\"volunteerId\":" + volunteer1 + ",\"hours\":1.5}");
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(json(noReason)).contains("adjustReason");
		assertThat(call("junmen", post("/api/v1/volunteers/activities/" + a + "/records"),
				"{\"volunteerId\":" + volunteer1 + ",\"hours\":9}").getStatus()).isEqualTo(400);
		var confirmed = call("junmen", post("/api/v1/volunteers/activities/" + a + "/records"), confirm);
		assertThat(confirmed.getStatus()).as(json(confirmed)).isEqualTo(201);
		assertThat(((Number) JsonPath.read(json(confirmed), "$.hours")).doubleValue()).isEqualTo(2.0);
		assertThat((String) JsonPath.read(json(confirmed), "$.idNumberMasked")).contains("*");
		String ref = "activity:" + a + "/volunteer:" + volunteer1;
		assertThat(events.ofType(ServiceDelivered.class).matching(e -> e.sourceRef().equals(ref))).singleElement()
			.satisfies(e -> {
				assertThat(e.personKey()).isEqualTo("volunteer1");
				assertThat(e.source()).isEqualTo(ServiceSource.ACTIVITY);
				assertThat(e.hours()).isEqualByComparingTo("2.00");
				assertThat(e.elderlyCare()).isTrue();
				assertThat(e.category()).isEqualTo("ELDERLY");
			});
		// confirmed once only
		assertThat(call("junmen", post("/api/v1/volunteers/activities/" + a + "/records"), confirm).getStatus()).isEqualTo(409);
	}

	@Test
	void anActivityCannotBePublishedOnceStarted() throws Exception {
		LocalDateTime start = LocalDateTime.now(VolunteerTimes.ZONE).plusMinutes(30);
		var r = call("junmen", post("/api/v1/volunteers/activities"), """
				{"title":"已开始的活动","organiserKind":"COMMUNITY","territoryCode":"350102004001","category":"SAFETY",
				 "venue":"社区","startsAt":"%s","endsAt":"%s","capacity":5}"""
			.formatted(start.format(LOCAL), start.plusHours(2).format(LOCAL)));
		long id = ((Number) JsonPath.read(json(r), "$.id")).longValue();
		jdbc.sql("UPDATE volunteer_activity SET starts_at = ? WHERE id = ?")
			.params(java.time.OffsetDateTime.now().minusMinutes(5), id).update();
		var publish = call("junmen", post("/api/v1/volunteers/activities/" + id + "/publish"), null);
		assertThat(publish.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(publish), "$.detail")).contains("活动已经开始，不能再发布");
		// a draft is invisible to volunteers
		assertThat(call("volunteer1", get("/api/v1/volunteers/activities/" + id), null).getStatus()).isEqualTo(404);
		// creating one in the past is a field error
		var past = call("junmen", post("/api/v1/volunteers/activities"), """
				{"title":"过去","organiserKind":"COMMUNITY","territoryCode":"350102004001","category":"SAFETY",
				 "venue":"社区","startsAt":"2020-01-01T09:00","endsAt":"2020-01-01T08:00","capacity":0}""");
		assertThat(past.getStatus()).isEqualTo(400);
		assertThat(json(past)).contains("startsAt").contains("endsAt").contains("capacity");
	}

	// ------------------------------------------------------------------ capacity, roles, jurisdiction

	/** A volunteer account of this test's own (the demo accounts are the access matrix's callers, sharing this context). */
	void ensureRegistered(String caller, String id, String birth) throws Exception {
		if (jdbc.sql("SELECT COUNT(*) FROM account WHERE username = ?").param(caller).query(Long.class).single() == 0) {
			var account = call("admin", post("/api/v1/accounts"), """
					{"username":"%s","displayName":"志愿者 测试","role":"VOLUNTEER","territoryCode":"350102004001",
					 "password":"%s"}""".formatted(caller, DemoAccounts.PASSWORD));
			assertThat(account.getStatus()).as(json(account)).isEqualTo(201);
		}
		if (jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE username = ?").param(caller).query(Long.class).single() == 0) {
			var r = call(caller, post("/api/v1/volunteers"), """
					{"name":"张敏","idNumber":"%s","gender":"FEMALE","birthDate":"%s","phone":"13800000001",
					 "intentions":["ELDERLY"],"communityCode":"350102004001"}""".formatted(id, birth));
			assertThat(r.getStatus()).as(json(r)).isEqualTo(201);
		}
	}

	@Test
	void aFullShiftRefusesTheNextSignUpAlsoUnderConcurrentSignUps() throws Exception {
		ensureRegistered("volunteer-race", id17("35010219880808001"), "1988-08-08");
		long a = activity("CULTURE", 1);
		signUp("volunteer1", a);
		var full = call("volunteer-race", post("/api/v1/volunteers/activities/" + a + "/signups"), "{}");
		assertThat(full.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(full), "$.detail")).isEqualTo("该班次名额已满。");
		assertThat(call("volunteer1", post("/api/v1/volunteers/activities/" + a + "/signups"), "{}").getStatus()).isEqualTo(409);
		// cancelling frees the place
		assertThat(call("volunteer1", delete("/api/v1/volunteers/activities/" + a + "/signups"), null).getStatus()).isEqualTo(204);
		signUp("volunteer-race", a);
		// two volunteers racing for the last place: exactly one gets it
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 4; round++) {
				long race = activity("CULTURE", 1);
				List<Callable<Integer>> tasks = new ArrayList<>();
				for (String caller : List.of("volunteer1", "volunteer-race")) {
					tasks.add(() -> call(caller, post("/api/v1/volunteers/activities/" + race + "/signups"), "{}").getStatus());
				}
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> f : pool.invokeAll(tasks)) {
					statuses.add(f.get());
				}
				assertThat(statuses).containsExactlyInAnyOrder(201, 409);
				assertThat(jdbc.sql("SELECT taken FROM volunteer_shift WHERE activity_id = ?").param(race).query(Integer.class).single())
					.isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String id17(String first17) {
		return first17 + IdNumbers.checkDigit(first17);
	}

	@Test
	void rolesAndJurisdictionAreCheckedInTheServices() throws Exception {
		// only organisers (community workers and above) create activities
		String body = """
				{"title":"紫阳活动","organiserKind":"COMMUNITY","territoryCode":"350111003001","category":"ELDERLY",
				 "venue":"紫阳社区","startsAt":"%s","endsAt":"%s","capacity":5}"""
			.formatted(LocalDateTime.now(VolunteerTimes.ZONE).plusDays(2).format(LOCAL),
					LocalDateTime.now(VolunteerTimes.ZONE).plusDays(2).plusHours(2).format(LOCAL));
		assertThat(call("volunteer1", post("/api/v1/volunteers/activities"), body).getStatus()).isEqualTo(403);
		assertThat(call("junmen-grid1", post("/api/v1/volunteers/activities"), body).getStatus()).isEqualTo(403);
		// junmen cannot organise in 紫阳社区: a field error, nothing stored
		var outside = call("junmen", post("/api/v1/volunteers/activities"), body);
		assertThat(outside.getStatus()).isEqualTo(400);
		assertThat(json(outside)).contains("territoryCode");
		var created = call("city", post("/api/v1/volunteers/activities"), body);
		assertThat(created.getStatus()).isEqualTo(201);
		long ziyang = ((Number) JsonPath.read(json(created), "$.id")).longValue();
		// a draft of 紫阳社区 does not exist for junmen; once published, its organiser pages are still out of reach
		assertThat(call("junmen", get("/api/v1/volunteers/activities/" + ziyang), null).getStatus()).isEqualTo(404);
		assertThat(call("junmen", post("/api/v1/volunteers/activities/" + ziyang + "/publish"), null).getStatus()).isEqualTo(404);
		assertThat(call("city", post("/api/v1/volunteers/activities/" + ziyang + "/publish"), null).getStatus()).isEqualTo(200);
		assertThat(call("junmen", get("/api/v1/volunteers/activities/" + ziyang), null).getStatus()).isEqualTo(200);
		assertThat(call("junmen", get("/api/v1/volunteers/activities/" + ziyang + "/signups"), null).getStatus()).isEqualTo(404);
		assertThat(call("junmen", get("/api/v1/volunteers/activities/" + ziyang + "/hours"), null).getStatus()).isEqualTo(404);
		assertThat(call("volunteer1", get("/api/v1/volunteers/activities/" + ziyang + "/signups"), null).getStatus()).isEqualTo(403);
		// the registry: staff only, of their jurisdiction
		assertThat(call("volunteer1", get("/api/v1/volunteers"), null).getStatus()).isEqualTo(403);
		var registry = call("junmen", get("/api/v1/volunteers"), null);
		assertThat(registry.getStatus()).isEqualTo(200);
		assertThat(json(registry)).doesNotContain("紫阳社区").doesNotContain("\"idNumber\"");
		// a paged answer: {items, page, size, total}
		assertThat(((Number) JsonPath.read(json(registry), "$.total")).longValue()).isPositive();
		assertThat((List<?>) JsonPath.read(json(registry), "$.items")).isNotEmpty();
		assertThat((Integer) JsonPath.read(json(registry), "$.page")).isZero();
		assertThat((Integer) JsonPath.read(json(registry), "$.size")).isEqualTo(50);
		assertThat(json(registry)).doesNotContain("\"rows\"");
		long ziyangVolunteer = jdbc.sql("SELECT MIN(v.id) FROM volunteer v WHERE v.community_name = '紫阳社区'").query(Long.class).single();
		assertThat(call("junmen", get("/api/v1/volunteers/" + ziyangVolunteer), null).getStatus()).isEqualTo(404);
		assertThat(call("city", get("/api/v1/volunteers/" + ziyangVolunteer), null).getStatus()).isEqualTo(200);
	}

	// ------------------------------------------------------------------ registration

	@Test
	void registrationValidatesEncryptsAndPublishesTheRegistration(PublishedEvents events) throws Exception {
		jdbc.sql("DELETE FROM volunteer WHERE username = 'resident1'").update();
		var bad = call("resident1", post("/api/v1/volunteers"), """
				{"name":"王","idNumber":"350102195003031235","gender":"X","birthDate":"1950-13-01","phone":"123",
				 "intentions":["FLYING"],"communityCode":"nowhere"}""");
		assertThat(bad.getStatus()).isEqualTo(400);
		List<String> fields = JsonPath.read(json(bad), "$.errors[*].field");
		assertThat(fields).contains("name", "idNumber", "gender", "birthDate", "phone", "intentions", "communityCode");
		String id = id17("35010219500303123");
		var ok = call("resident1", post("/api/v1/volunteers"), """
				{"name":"王秀兰","idNumber":"%s","gender":"FEMALE","birthDate":"1950-03-03","phone":"13912345678",
				 "skills":"剪纸","intentions":["ELDERLY","CULTURE"],"availableTime":"周二上午","communityCode":"350102004001"}"""
			.formatted(id));
		assertThat(ok.getStatus()).as(json(ok)).isEqualTo(201);
		assertThat(json(ok)).doesNotContain(id).doesNotContain("13912345678").contains("139****5678");
		var row = jdbc.sql("SELECT id_number_cipher, id_number_index, phone_cipher FROM volunteer WHERE username = 'resident1'")
			.query().singleRow();
		assertThat(row.values()).allSatisfy(v -> assertThat((String) v).doesNotContain(id).doesNotContain("13912345678"));
		assertThat(events.ofType(ParticipantRegistered.class).matching(e -> e.personKey().equals("resident1")))
			.singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(ParticipantKind.VOLUNTEER));
		// registered once; the same ID number cannot be registered again, not even by staff for someone without an account
		var twice = call("resident1", post("/api/v1/volunteers"), """
				{"name":"王秀兰","idNumber":"%s","gender":"FEMALE","birthDate":"1950-03-03","phone":"13912345678",
				 "intentions":["ELDERLY"],"communityCode":"350102004001"}""".formatted(id));
		assertThat(twice.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(twice), "$.detail")).isEqualTo("该账号已注册为志愿者。");
		String again = """
				{"name":"王秀兰","idNumber":"%s","gender":"FEMALE","birthDate":"1950-03-03","phone":"13912345678",
				 "intentions":["ELDERLY"],"communityCode":"350102004001","onBehalf":true}""";
		var duplicate = call("junmen", post("/api/v1/volunteers"), again.formatted(id));
		assertThat(duplicate.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(duplicate), "$.detail")).isEqualTo("该身份证号已注册为志愿者。");
		// staff register someone without an account: volunteer:<id>; a resident may not
		String other = id17("35010219600606002");
		assertThat(call("resident1", post("/api/v1/volunteers"), again.replace("1950-03-03", "1960-06-06").formatted(other))
			.getStatus()).isEqualTo(403);
		jdbc.sql("DELETE FROM volunteer WHERE id_number_masked = ? AND username IS NULL").param(org.jinlin.shared.Masking.idNumber(other)).update();
		var onBehalf = call("junmen", post("/api/v1/volunteers"), again.replace("1950-03-03", "1960-06-06").formatted(other));
		assertThat(onBehalf.getStatus()).as(json(onBehalf)).isEqualTo(201);
		long vid = ((Number) JsonPath.read(json(onBehalf), "$.id")).longValue();
		assertThat((String) JsonPath.read(json(onBehalf), "$.personKey")).isEqualTo("volunteer:" + vid);
		// staff may not register someone in another jurisdiction
		var outside = call("junmen", post("/api/v1/volunteers"),
				again.replace("350102004001", "350111003001").formatted(id17("35010219700707003")));
		assertThat(outside.getStatus()).isEqualTo(400);
		// resident1 is no volunteer in the demo (the access matrix shares this context)
		jdbc.sql("DELETE FROM volunteer WHERE username = 'resident1'").update();
	}

	// ------------------------------------------------------------------ certificates

	@Test
	void aRealCertificateNumberVerifiesAndAForgedOneIsNotFound() throws Exception {
		var real = call(null, get("/api/v1/certificates/" + DEMO_CERTIFICATE), null);
		assertThat(real.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(json(real), "$.name")).isEqualTo("李小丽");
		assertThat(((Number) JsonPath.read(json(real), "$.hours")).doubleValue()).isPositive();
		assertThat(json(real)).doesNotContain("3501").doesNotContain("1390591");
		assertThat(call(null, get("/api/v1/certificates/JL-2026-AAAAAAAAAA"), null).getStatus()).isEqualTo(404);
		assertThat(call(null, get("/api/v1/certificates/not-a-number"), null).getStatus()).isEqualTo(404);

		var page = mvc.perform(get("/certificates/" + DEMO_CERTIFICATE).header("Accept-Language", "zh-CN"))
			.andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String hours = jdbc.sql("SELECT hours FROM volunteer_certificate WHERE certificate_number = ?")
			.param(DEMO_CERTIFICATE).query(java.math.BigDecimal.class).single().toPlainString();
		assertThat(html).contains("李小丽").contains(hours).contains("真实有效");
		String masked = jdbc.sql("SELECT id_number_masked FROM volunteer WHERE username = 'volunteer1'").query(String.class).single();
		assertThat(html).doesNotContain(masked).doesNotContain("139****2345").doesNotContain("13905912345")
			.doesNotContain(masked.substring(masked.length() - 4) + "<");
		assertThat(mvc.perform(get("/certificates/JL-2026-AAAAAAAAAA")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aVolunteerIssuesACertificateDownloadsItsPdfAndItsNumberVerifies() throws Exception {
		LocalDate today = LocalDate.now(VolunteerTimes.ZONE);
		var issued = call("volunteer1", post("/api/v1/volunteers/me/certificates"),
				"{\"from\":\"" + today.minusYears(1) + "\",\"to\":\"" + today + "\"}");
		assertThat(issued.getStatus()).as(json(issued)).isEqualTo(201);
		String number = JsonPath.read(json(issued), "$.number");
		assertThat(number).matches("JL-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}");
		assertThat(call(null, get("/api/v1/certificates/" + number), null).getStatus()).isEqualTo(200);
		var pdf = mvc.perform(get("/volunteers/me/certificates/" + number + ".pdf").with(user(users.loadUserByUsername("volunteer1"))))
			.andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		// someone else's certificate is not there for another account
		assertThat(mvc.perform(get("/volunteers/me/certificates/" + number + ".pdf").with(user(users.loadUserByUsername("junmen"))))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		// a period without records is refused with a message
		var empty = call("volunteer1", post("/api/v1/volunteers/me/certificates"), "{\"from\":\"2001-01-01\",\"to\":\"2001-12-31\"}");
		assertThat(empty.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(json(empty), "$.detail")).isEqualTo("该期间没有已确认的服务记录。");
	}
}
