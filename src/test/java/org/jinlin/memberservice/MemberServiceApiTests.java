package org.jinlin.memberservice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.support.DemoAccounts;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
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

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The member-service API against the demo city: a member registers, claims, delivers, the resident confirms and the
 * service is published; jurisdiction (404), roles (403), fields (400), illegal moves and full posts (409).
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MemberServiceApiTests {

	static final String API = "/api/v1/member-service";

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	ResultActions as(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return mvc.perform(request.with(DemoAccounts.as(user)).accept(MediaType.APPLICATION_JSON));
	}

	ResultActions postJson(String user, String path, String body) throws Exception {
		return as(user, post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

	/** member1 registered with 军门社区 (once per context: a repeat is a 409). */
	void member1Registered() throws Exception {
		int status = postJson("member1", API + "/registrations", """
				{"communityCode":"350102004001","categories":["ELDERLY","CHILDREN"],"availability":["WEEKENDS"],
				 "employer":"福州市民政局","phone":"13812345678","skills":"电脑手机教学"}""").andReturn().getResponse().getStatus();
		assertThat(status).isIn(201, 409);
	}

	long residentWish(String title) throws Exception {
		return id(postJson("resident1", API + "/wishes", """
				{"title":"%s","description":"请帮忙","category":"ELDERLY"}""".formatted(title)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.wisherName").value("王秀兰")));
	}

	@Test
	void aMemberRegistersClaimsDeliversAndTheResidentsConfirmationPublishesTheService() throws Exception {
		member1Registered();
		assertThat(events.stream(ParticipantRegistered.class).filter(e -> e.personKey().equals("member1")).count()
				+ jdbc.sql("SELECT COUNT(*) FROM ms_registration WHERE username = 'member1'").query(Long.class).single())
			.isGreaterThanOrEqualTo(1);
		postJson("member1", API + "/registrations", """
				{"communityCode":"350102004001","categories":["ELDERLY"],"availability":["WEEKENDS"],"employer":"x"}""")
			.andExpect(status().isConflict());
		as("member1", get(API + "/registrations")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].phoneMasked").value("138****5678"))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("13812345678"))));
		assertThat(jdbc.sql("SELECT phone_enc FROM ms_registration WHERE username = 'member1'").query(String.class).list())
			.noneMatch(p -> p.contains("13812345678"));

		long wish = residentWish("帮我换个灯泡");
		// the member sees it with the wisher's name masked, and claims it
		as("member1", get(API + "/wishes")).andExpect(jsonPath("$[?(@.id == " + wish + ")].wisherName").value(hasItem("王**")));
		as("member1", post(API + "/wishes/" + wish + "/claim")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLAIMED")).andExpect(jsonPath("$.claimerName").value("张敏"));
		// an illegal move: the resident cannot cancel a claimed wish, nor confirm before delivery
		as("resident1", post(API + "/wishes/" + wish + "/cancel")).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		as("resident1", post(API + "/wishes/" + wish + "/confirm")).andExpect(status().isConflict());
		// fields
		postJson("member1", API + "/wishes/" + wish + "/deliver", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("note", "hours")));
		postJson("member1", API + "/wishes/" + wish + "/deliver", "{\"note\":\"换好了\",\"hours\":25}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("hours")));
		postJson("member1", API + "/wishes/" + wish + "/deliver", "{\"note\":\"换好了灯泡\",\"hours\":1.5}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DELIVERED"));
		// the member cannot confirm her own delivery
		as("member1", post(API + "/wishes/" + wish + "/confirm")).andExpect(status().isForbidden());
		as("resident1", post(API + "/wishes/" + wish + "/confirm")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		ServiceDelivered delivered = events.stream(ServiceDelivered.class)
			.filter(e -> e.sourceRef().equals("wish:" + wish)).findFirst().orElseThrow();
		assertThat(delivered.personKey()).isEqualTo("member1");
		assertThat(delivered.source()).isEqualTo(ServiceSource.MICRO_WISH);
		assertThat(delivered.hours()).isEqualByComparingTo(new BigDecimal("1.50"));
		assertThat(delivered.hours().scale()).isEqualTo(2);
		assertThat(delivered.problemSolved()).isTrue();
		assertThat(delivered.elderlyCare()).isTrue();
		assertThat(delivered.confirmedBy()).isEqualTo("resident1");
		as("resident1", post(API + "/wishes/" + wish + "/confirm")).andExpect(status().isConflict());
		assertThat(events.stream(ServiceDelivered.class).filter(e -> e.sourceRef().equals("wish:" + wish))).hasSize(1);
	}

	@Test
	void aClaimCanBeReleasedAndAnOpenWishCancelledByItsResident() throws Exception {
		member1Registered();
		long wish = residentWish("陪我去散步");
		as("member1", post(API + "/wishes/" + wish + "/claim")).andExpect(status().isOk());
		as("member1", post(API + "/wishes/" + wish + "/claim")).andExpect(status().isConflict());
		as("member1", post(API + "/wishes/" + wish + "/release")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"));
		as("resident1", post(API + "/wishes/" + wish + "/cancel")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		as("member1", post(API + "/wishes/" + wish + "/claim")).andExpect(status().isNotFound());
	}

	@Test
	void rolesAreEnforced() throws Exception {
		postJson("resident1", API + "/registrations", "{}").andExpect(status().isForbidden());
		postJson("volunteer1", API + "/needs", "{}").andExpect(status().isForbidden());
		postJson("junmen-grid1", API + "/posts", "{}").andExpect(status().isForbidden());
		postJson("member1", API + "/wishes", "{}").andExpect(status().isForbidden());
		long wish = residentWish("帮忙取快递");
		as("resident1", post(API + "/wishes/" + wish + "/claim")).andExpect(status().isForbidden());
		as("canteen1", get(API + "/wishes")).andExpect(status().isForbidden());
		as("member1", get(API + "/figures")).andExpect(status().isForbidden());
		// a volunteer of the community may claim; the wish's resident sees the volunteer's claim
		as("volunteer1", post(API + "/wishes/" + wish + "/claim")).andExpect(status().isOk())
			.andExpect(jsonPath("$.claimerKind").value("VOLUNTEER"));
	}

	@Test
	void fieldsAreValidated() throws Exception {
		postJson("member1", API + "/registrations", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("communityCode", "categories", "availability", "employer")));
		postJson("member1", API + "/registrations", """
				{"communityCode":"350102","categories":["NOPE"],"availability":["WEEKENDS"],"employer":"x","phone":"123"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("communityCode", "categories", "phone")));
		postJson("resident1", API + "/wishes", "{\"title\":\"\",\"category\":\"X\",\"deadline\":\"2020-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("title", "category", "deadline")));
		postJson("junmen", API + "/posts", "{\"communityCode\":\"350102004001\",\"title\":\"x\",\"category\":\"SAFETY\",\"hours\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("serviceDate", "hours", "headcount")));
		as("junmen", get(API + "/registrations/1/report.pdf?quarter=2026Q5")).andExpect(status().isBadRequest());
	}

	@Test
	void staffSeeOnlyTheirJurisdiction() throws Exception {
		long ziyangWish = id(postJson("city", API + "/wishes", """
				{"communityCode":"350111003001","wisherName":"赵大爷","title":"修门锁","category":"HARDSHIP"}""")
			.andExpect(status().isCreated()));
		as("junmen", get(API + "/wishes/" + ziyangWish)).andExpect(status().isNotFound());
		as("junmen", post(API + "/wishes/" + ziyangWish + "/cancel")).andExpect(status().isNotFound());
		as("gulou", get(API + "/wishes/" + ziyangWish)).andExpect(status().isNotFound());
		as("city", get(API + "/wishes/" + ziyangWish)).andExpect(status().isOk())
			.andExpect(jsonPath("$.wisherName").value("赵大爷"));
		as("member1", get(API + "/wishes/" + ziyangWish)).andExpect(status().isNotFound());
		postJson("junmen", API + "/wishes", """
				{"communityCode":"350111003001","wisherName":"赵大爷","title":"修门锁","category":"HARDSHIP"}""")
			.andExpect(status().isNotFound());
		long ziyangRegistration = jdbc.sql("""
				SELECT MIN(id) FROM ms_registration WHERE territory_path LIKE
				  (SELECT path FROM territory_node WHERE code = ?) || '%'""").param(ZIYANG).query(Long.class).single();
		as("junmen", get(API + "/registrations/" + ziyangRegistration)).andExpect(status().isNotFound());
		as("junmen", get(API + "/registrations/" + ziyangRegistration + "/report.xlsx")).andExpect(status().isNotFound());
		as("member1", get(API + "/registrations/" + ziyangRegistration)).andExpect(status().isNotFound());
		as("city", get(API + "/registrations/" + ziyangRegistration + "/report.pdf?quarter=2026Q4")).andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		as("junmen", get(API + "/figures?territory=" + ZIYANG)).andExpect(status().isNotFound());
		as("junmen", get(API + "/registrations")).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].communityCode").value(not(hasItem(ZIYANG))));
		// a resident sees only her own wishes
		String body = as("resident1", get(API + "/wishes")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		List<Boolean> mine = JsonPath.read(body, "$[*].mine");
		assertThat(mine).isNotEmpty().allMatch(Boolean::booleanValue);
	}

	@Test
	void aPostTakesSignUpsUntilItsHeadcountIsFullEvenConcurrently() throws Exception {
		long post = id(postJson("junmen", API + "/posts", """
				{"communityCode":"350102004001","title":"周末助餐岗","category":"ELDERLY","serviceDate":"2030-01-05",
				 "hours":2.5,"headcount":3}""").andExpect(status().isCreated()));
		List<Long> units = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			units.add(id(postJson("junmen", API + "/unit-registrations", """
					{"communityCode":"350102004001","unitName":"测试单位%d党支部","contactName":"李书记","phone":"0591-87654321",
					 "headcount":12,"categories":["SAFETY"],"availability":["WEEKENDS"]}""".formatted(i))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.phoneMasked").value("059******4321"))));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (long unit : units) {
				Callable<Integer> call = () -> postJson("junmen", API + "/posts/" + post + "/signups",
						"{\"registrationId\":" + unit + "}").andReturn().getResponse().getStatus();
				results.add(pool.submit(call));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : results) {
				statuses.add(f.get());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT taken FROM ms_post WHERE id = ?").param(post).query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ms_post_signup WHERE post_id = ?").param(post).query(Long.class).single())
			.isEqualTo(3);
		member1Registered();
		as("member1", post(API + "/posts/" + post + "/signups")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("full")));
	}

	@Test
	void figuresAndDemoData() throws Exception {
		as("junmen", get(API + "/figures")).andExpect(status().isOk())
			.andExpect(jsonPath("$.territoryCode").value(JUNMEN))
			.andExpect(jsonPath("$.memberRegistrations").value(org.hamcrest.Matchers.greaterThanOrEqualTo(24)))
			.andExpect(jsonPath("$.wishesFulfilled").value(org.hamcrest.Matchers.greaterThan(0)));
		String city = as("city", get(API + "/figures")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		int fulfilled = JsonPath.read(city, "$.wishesFulfilled");
		int personTimes = JsonPath.read(city, "$.personTimes");
		// Fuzhou: 105,400 services and 6,117 problems solved, at 1:100
		assertThat(fulfilled).isBetween(40, 140);
		assertThat(personTimes).isBetween(1_000, 1_300);
		// the demo party member is not registered yet; resident1 has an open wish in 军门社区
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ms_wish WHERE wisher_username = 'resident1' AND status = 'OPEN'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}
}
