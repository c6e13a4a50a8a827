package org.jinlin.accounts;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.accounts.internal.SmsOutbox;
import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.support.UnlinkedResidents;
import org.jinlin.support.UnlinkedResidents.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jinlin.support.DemoAccounts.as;
import static org.jinlin.support.DemoAccounts.from;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Residents' own accounts through the API and the pages, on the demo city's register: sign-up with a phone code
 * matched to the register, a waiting sign-up confirmed by the community, staff invitations, password reset by code;
 * bad input, codes' tries and throttling, no enumeration, jurisdiction, and the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidentSignUpTests {

	static final String JUNMEN = "350102004001";

	static final String ZIYANG = "350111003001";

	/** Every test its own phones and source address: codes are throttled per phone and per source. */
	static final AtomicInteger NEXT = new AtomicInteger();

	static final Set<Long> TAKEN = new HashSet<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ResidentRegister register;

	@Autowired
	SmsOutbox outbox;

	@Autowired
	UserDetailsService users;

	static String phone() {
		return "1390059" + String.format("%04d", NEXT.incrementAndGet());
	}

	static RequestPostProcessor source() {
		return from("10.77.0." + NEXT.incrementAndGet());
	}

	synchronized Person resident(String community) {
		Person p = UnlinkedResidents.take(jdbc, cipher, register, community, 1, TAKEN).get(0);
		TAKEN.add(p.id());
		return p;
	}

	MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	String code(String phone, RequestPostProcessor source) throws Exception {
		mvc.perform(json("/api/v1/accounts/sign-up/code", "{\"phone\":\"" + phone + "\"}").with(source))
			.andExpect(status().isAccepted());
		return outbox.latestCode(phone).orElseThrow();
	}

	static String signUpBody(String name, String phone, String code, String suffix, String community) {
		return "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"code\":\"" + code + "\",\"idSuffix\":\"" + suffix
				+ "\",\"communityCode\":\"" + community + "\",\"password\":\"Min-river-2026\"}";
	}

	@Test
	void aResidentSignsUpWithAPhoneCodeAndIsMatchedToHerRecord() throws Exception {
		Person p = resident(JUNMEN);
		String phone = phone();
		RequestPostProcessor source = source();
		String code = code(phone, source);
		assertThat(code).matches("[0-9]{6}");
		assertThat(jdbc.sql("SELECT code_hash FROM phone_code ORDER BY id DESC LIMIT 1").query(String.class).single())
			.as("hashed at rest").doesNotContain(code);
		String body = mvc.perform(json("/api/v1/accounts/sign-up", signUpBody(p.name(), phone, code, p.idSuffix(), JUNMEN))
				.with(source))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("MATCHED"))
			.andReturn().getResponse().getContentAsString();
		String username = JsonPath.read(body, "$.username");
		var account = jdbc.sql("SELECT roles, resident_id, territory_id, phone_cipher, phone_index FROM account WHERE username = ?")
			.param(username).query((rs, n) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.single();
		assertThat(account.get(0)).isEqualTo("RESIDENT");
		assertThat(account.get(1)).isEqualTo(p.id());
		assertThat(account.get(2)).as("jurisdiction = her community").isEqualTo(p.communityId());
		assertThat((String) account.get(3)).as("phone encrypted at rest").doesNotContain(phone);
		assertThat(outbox.textsTo(phone).get(0)).contains(username);
		// she signs in and acts as her record: her own resident record is the one she may read
		mvc.perform(get("/api/v1/residents/" + p.id()).with(httpBasic(username, "Min-river-2026")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.id").value(p.id()));
		// the code was used once
		mvc.perform(json("/api/v1/accounts/sign-up", signUpBody(p.name(), phone, code, p.idSuffix(), JUNMEN)).with(source))
			.andExpect(status().isBadRequest());
		// every step in the audit log, without the phone in clear
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT action FROM audit_event WHERE subject_id IN (?, ?) OR actor = ?")
			.params(username, maskedPhone(phone), username).query(String.class).list())
			.contains("CODE_SENT", "SIGN_UP_REQUESTED", "SIGN_UP_MATCHED", "PERMISSIONS_CHANGED"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ? OR subject_id LIKE ?")
			.params("%" + phone + "%", "%" + phone + "%").query(Long.class).single()).isZero();
	}

	static String maskedPhone(String phone) {
		return org.jinlin.shared.Masking.phone(phone);
	}

	@Test
	void badInputIsAnsweredWithFieldMessagesAndTheCodeIsNotSpentOnIt() throws Exception {
		RequestPostProcessor source = source();
		mvc.perform(json("/api/v1/accounts/sign-up/code", "{\"phone\":\"12345\"}").with(source))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("phone"));
		mvc.perform(json("/api/v1/accounts/sign-up/code", "").with(source)).andExpect(status().isBadRequest());
		mvc.perform(json("/api/v1/accounts/sign-up", "{}").with(source))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "phone", "code",
					"idSuffix", "communityCode", "password")));
		String phone = phone();
		String code = code(phone, source);
		// a street code is not a community, the password too short: the code is still good afterwards
		mvc.perform(json("/api/v1/accounts/sign-up", signUpBody("王某", phone, code, "12345X", "350102004"))
				.content("{\"name\":\"王某\",\"phone\":\"" + phone + "\",\"code\":\"" + code
						+ "\",\"idSuffix\":\"12345X\",\"communityCode\":\"350102004\",\"password\":\"short\"}").with(source))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("communityCode", "password")));
		assertThat(jdbc.sql("SELECT tries FROM phone_code WHERE id = (SELECT MAX(id) FROM phone_code)").query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aCodeAllowsFiveTriesAndIsNotResentWithinAMinute() throws Exception {
		Person p = resident(JUNMEN);
		String phone = phone();
		RequestPostProcessor source = source();
		String code = code(phone, source);
		mvc.perform(json("/api/v1/accounts/sign-up/code", "{\"phone\":\"" + phone + "\"}").with(source()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phone"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("秒后再试")));
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			mvc.perform(json("/api/v1/accounts/sign-up", signUpBody(p.name(), phone, wrong, p.idSuffix(), JUNMEN)).with(source))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("code"));
		}
		// the right code after five wrong tries is refused
		mvc.perform(json("/api/v1/accounts/sign-up", signUpBody(p.name(), phone, code, p.idSuffix(), JUNMEN)).with(source))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE resident_id = ?").param(p.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void withoutAUniqueMatchTheSignUpWaitsForTheCommunityWhichConfirmsItWithinItsJurisdiction() throws Exception {
		Person p = resident(JUNMEN);
		String phone = phone();
		RequestPostProcessor source = source();
		String code = code(phone, source);
		// a wrong ID suffix: no match, the same shape of answer as any waiting sign-up
		mvc.perform(json("/api/v1/accounts/sign-up", signUpBody(p.name(), phone, code, "00000X", JUNMEN)).with(source))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.username").doesNotExist());
		String queue = mvc.perform(get("/api/v1/accounts/sign-ups?size=200").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(maskedPhone(phone))))
			.andExpect(content().string(not(containsString(phone))))
			.andReturn().getResponse().getContentAsString();
		List<Integer> ids = JsonPath.read(queue, "$.items[?(@.phoneMasked == '" + maskedPhone(phone) + "')].id");
		long id = ids.get(0);
		// the grid worker may not decide, a community elsewhere does not see it
		mvc.perform(get("/api/v1/accounts/sign-ups").with(as("junmen-grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/accounts/sign-ups").with(as("resident1"))).andExpect(status().isForbidden());
		// a resident of another jurisdiction cannot be chosen
		Person elsewhere = resident(ZIYANG);
		mvc.perform(json("/api/v1/accounts/sign-ups/" + id + "/confirm", "{\"residentId\":" + elsewhere.id() + "}")
				.with(as("junmen")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("residentId"));
		// the worker checks and confirms her
		mvc.perform(get("/resident-accounts/sign-ups/" + id).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk()).andExpect(content().string(containsString(p.name())));
		String body = mvc.perform(json("/api/v1/accounts/sign-ups/" + id + "/confirm", "{\"residentId\":" + p.id() + "}")
				.with(as("junmen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String username = JsonPath.read(body, "$.username");
		assertThat(jdbc.sql("SELECT resident_id FROM account WHERE username = ?").param(username).query(Long.class).single())
			.isEqualTo(p.id());
		assertThat(outbox.textsTo(phone).get(0)).contains(username);
		mvc.perform(get("/api/v1/residents/" + p.id()).with(httpBasic(username, "Min-river-2026"))).andExpect(status().isOk());
		// decided: gone from the queue
		mvc.perform(json("/api/v1/accounts/sign-ups/" + id + "/confirm", "{\"residentId\":" + p.id() + "}").with(as("junmen")))
			.andExpect(status().isNotFound());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT action FROM audit_event WHERE subject_id IN (?, ?)").params(username, maskedPhone(phone))
			.query(String.class).list()).contains("SIGN_UP_QUEUED", "SIGN_UP_CONFIRMED"));
	}

	@Test
	void aWaitingSignUpOfAnotherCommunityIsNotFoundAndCanBeRejectedByItsOwn() throws Exception {
		String phone = phone();
		RequestPostProcessor source = source();
		String code = code(phone, source);
		mvc.perform(json("/api/v1/accounts/sign-up", signUpBody("紫阳无名氏", phone, code, "99999X", ZIYANG)).with(source))
			.andExpect(status().isAccepted());
		long id = jdbc.sql("SELECT MAX(id) FROM resident_sign_up").query(Long.class).single();
		mvc.perform(json("/api/v1/accounts/sign-ups/" + id + "/reject", "").with(as("junmen"))).andExpect(status().isNotFound());
		mvc.perform(get("/resident-accounts/sign-ups/" + id).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts/sign-ups?size=200").with(as("junmen")))
			.andExpect(content().string(not(containsString(maskedPhone(phone)))));
		mvc.perform(json("/api/v1/accounts/sign-ups/" + id + "/reject", "").with(as("city"))).andExpect(status().isNoContent());
		assertThat(outbox.textsTo(phone).get(0)).contains("未能核对通过");
	}

	@Test
	void staffInviteAResidentWhoSetsHerPasswordWithTheLinkOnce() throws Exception {
		Person p = resident(JUNMEN);
		mvc.perform(post("/api/v1/accounts/residents/" + p.id() + "/invitation").with(as("junmen-grid1")))
			.andExpect(status().isForbidden());
		Person elsewhere = resident(ZIYANG);
		mvc.perform(post("/api/v1/accounts/residents/" + elsewhere.id() + "/invitation").with(as("junmen")))
			.andExpect(status().isNotFound());
		String body = mvc.perform(post("/api/v1/accounts/residents/" + p.id() + "/invitation").with(as("junmen")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.newAccount").value(true))
			.andReturn().getResponse().getContentAsString();
		String username = JsonPath.read(body, "$.username");
		String link = JsonPath.read(body, "$.link");
		String path = link.substring(link.indexOf("/invitations/"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM account_invitation WHERE token_hash = ?")
			.param(path.substring("/invitations/".length())).query(Long.class).single()).as("only the hash is kept").isZero();
		// staff reach it from the resident's register page
		mvc.perform(get("/residents/" + p.id()).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/resident-accounts/residents/" + p.id())));
		mvc.perform(get("/resident-accounts/residents/" + p.id()).with(user(users.loadUserByUsername("junmen"))))
			.andExpect(status().isOk()).andExpect(content().string(containsString(username)));
		// the printable page for staff, with the QR code
		mvc.perform(post("/resident-accounts/residents/" + p.id() + "/invitation").with(user(users.loadUserByUsername("junmen")))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data:image/svg+xml;base64,")))
			.andExpect(content().string(containsString(username)));
		// the second invitation closed the first
		mvc.perform(get(path)).andExpect(status().isNotFound());
		String fresh = JsonPath.read(mvc.perform(post("/api/v1/accounts/residents/" + p.id() + "/invitation").with(as("junmen")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.newAccount").value(false))
			.andReturn().getResponse().getContentAsString(), "$.link");
		String freshPath = fresh.substring(fresh.indexOf("/invitations/"));
		mvc.perform(get(freshPath)).andExpect(status().isOk()).andExpect(content().string(containsString(username)));
		mvc.perform(post(freshPath).with(csrf()).param("password", "Min-river-2026").param("repeated", "Other-river-2026"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("is-invalid")));
		mvc.perform(post(freshPath).with(csrf()).param("password", "Min-river-2026").param("repeated", "Min-river-2026"))
			.andExpect(status().isOk()).andExpect(content().string(containsString(username)));
		mvc.perform(get("/api/v1/residents/" + p.id()).with(httpBasic(username, "Min-river-2026"))).andExpect(status().isOk());
		mvc.perform(get(freshPath)).andExpect(status().isNotFound());
		mvc.perform(get("/invitations/no-such-invitation-token-at-all")).andExpect(status().isNotFound());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT action FROM audit_event WHERE subject_id = ?").param(username).query(String.class).list())
			.contains("INVITATION_ISSUED", "INVITATION_USED"));
	}

	@Test
	void passwordResetAnswersAlikeForKnownAndUnknownPhonesAndWorksWithTheCode() throws Exception {
		Person p = resident(JUNMEN);
		String phone = phone();
		String code = code(phone, source());
		String username = JsonPath.read(mvc.perform(json("/api/v1/accounts/sign-up",
				signUpBody(p.name(), phone, code, p.idSuffix(), JUNMEN)).with(source()))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.username");
		String unknown = phone();
		// a minute later (codes to one phone are a minute apart, whatever they are for)
		jdbc.sql("UPDATE phone_code SET created_at = ? WHERE phone_index = ?")
			.params(java.time.OffsetDateTime.now().minusMinutes(2), cipher.blindIndex(phone)).update();
		MockHttpServletResponse known = mvc.perform(json("/api/v1/accounts/password-reset/code",
				"{\"phone\":\"" + phone + "\"}").with(source())).andReturn().getResponse();
		MockHttpServletResponse nobody = mvc.perform(json("/api/v1/accounts/password-reset/code",
				"{\"phone\":\"" + unknown + "\"}").with(source())).andReturn().getResponse();
		assertThat(nobody.getStatus()).isEqualTo(known.getStatus()).isEqualTo(202);
		assertThat(nobody.getContentAsString()).isEqualTo(known.getContentAsString());
		assertThat(outbox.textsTo(unknown)).as("nothing goes to a phone of no account").isEmpty();
		// the pages say the same words either way
		String pageKnown = mvc.perform(post("/password-reset").with(csrf()).with(source()).param("action", "code")
				.param("phone", phone())).andReturn().getResponse().getContentAsString();
		assertThat(pageKnown).contains("如果该号码绑定了账号");
		String resetCode = outbox.latestCode(phone).orElseThrow();
		mvc.perform(json("/api/v1/accounts/password-reset", "{\"phone\":\"" + unknown + "\",\"code\":\"" + resetCode
				+ "\",\"password\":\"New-river-2027\"}").with(source()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
		mvc.perform(json("/api/v1/accounts/password-reset", "{\"phone\":\"" + phone + "\",\"code\":\"" + resetCode
				+ "\",\"password\":\"New-river-2027\"}").with(source()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.username").value(username));
		mvc.perform(get("/api/v1/residents/" + p.id()).with(httpBasic(username, "New-river-2027"))).andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT action FROM audit_event WHERE subject_id = ?").param(username).query(String.class).list())
			.contains("PASSWORD_RESET_BY_CODE"));
	}

	@Test
	void theSignUpPageWorksSignedOutWithFieldMessagesAndTheOutboxIsForAdministrators() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("href=\"/register\"")));
		mvc.perform(get("/register")).andExpect(status().isOk())
			.andExpect(content().string(containsString("居民注册")))
			.andExpect(content().string(containsString("军门社区")));
		mvc.perform(post("/register").with(csrf()).with(source()).param("action", "code").param("phone", "12"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写 11 位手机号码")));
		mvc.perform(post("/register").with(csrf()).with(source()).param("name", "王某").param("phone", phone())
				.param("code", "123456").param("idSuffix", "abc").param("communityCode", JUNMEN).param("password", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("身份证号码最后 6 位")))
			.andExpect(content().string(containsString("value=\"王某\"")));
		mvc.perform(get("/admin/sms-outbox").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk())
			.andExpect(content().string(containsString("短信发件箱")));
		mvc.perform(get("/admin/sms-outbox").with(user(users.loadUserByUsername("junmen")))).andExpect(status().isForbidden());
	}
}
