package org.jinlin.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.support.DemoAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.quality.internal.QualityIndicators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Satisfaction surveys on the demo city, end to end: a questionnaire is built, opened and its sample drawn from the
 * territory's residents; resident1 answers her invitation once, staff enter another after a phone call; the report's
 * response rate, index and matrix are the answers' figures, carry no resident, and agree with the catalogue's survey
 * indicator and its drill-down; another jurisdiction's survey is not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveyTests {

	static final String JUNMEN = "350102004001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A signed-in page session (pages use the login form, not HTTP Basic). */
	RequestPostProcessor page(String user) {
		return user(users.loadUserByUsername(user));
	}

	static String questionnaire(String territory, String rule, int size, LocalDate from, LocalDate to) {
		return """
				{"title":"军门社区服务满意度","territory":"%s","periodFrom":"%s","periodTo":"%s","samplingRule":"%s",
				 "sampleSize":%d,"seed":2026,"items":[
				 {"kind":"LIKERT","text":"诉求响应快吗","dimension":"响应速度","weight":30},
				 {"kind":"LIKERT","text":"问题解决了吗","dimension":"办理结果","weight":50},
				 {"kind":"CHOICE","text":"工作人员态度","dimension":"服务态度","weight":20,"options":["很好|100","一般|50","差|0"]},
				 {"kind":"CHOICE","text":"您通过什么渠道反映","dimension":"渠道","weight":0,"options":["电话","小程序"]}]}"""
			.formatted(territory, from, to, rule, size);
	}

	long create(String user, String body) throws Exception {
		String json = mvc.perform(post("/api/v1/quality/surveys").with(as(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void aSurveyIsBuiltSampledAnsweredOnceAndReportedAnonymously() throws Exception {
		LocalDate today = LocalDate.now(QualityIndicators.ZONE);
		long id = create("junmen", questionnaire(JUNMEN, "ALL_RESIDENTS", 5000, today.withDayOfMonth(1), today));
		String detail = mvc.perform(get("/api/v1/quality/surveys/" + id).with(as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.survey.status").value("DRAFT"))
			.andReturn().getResponse().getContentAsString();
		List<Integer> itemIds = JsonPath.read(detail, "$.items[*].id");
		assertThat(itemIds).hasSize(4);
		// no sample before the survey is open; a draft cannot close
		mvc.perform(post("/api/v1/quality/surveys/" + id + "/invitations").with(as("junmen")))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/quality/surveys/" + id + "/close").with(as("junmen"))).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/quality/surveys/" + id + "/open").with(as("junmen"))).andExpect(status().isOk());

		long population = jdbc.sql("SELECT COUNT(*) FROM resident WHERE status = 'ACTIVE' AND territory_path LIKE "
				+ "(SELECT path || '%' FROM territory_node WHERE code = ?)").param(JUNMEN).query(Long.class).single();
		mvc.perform(post("/api/v1/quality/surveys/" + id + "/invitations").with(as("junmen")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.invited").value(population));
		mvc.perform(post("/api/v1/quality/surveys/" + id + "/invitations").with(as("junmen")))
			.andExpect(status().isConflict());

		// resident1 sees her invitation and answers it once; a missing scored answer is a field error
		String mine = mvc.perform(get("/api/v1/quality/surveys/invitations").with(as("resident1")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Integer> invitations = JsonPath.read(mine, "$[?(@.surveyId == " + id + ")].id");
		assertThat(invitations).hasSize(1);
		long invitation = invitations.get(0);
		String path = "/api/v1/quality/surveys/" + id + "/answers";
		mvc.perform(post(path).with(as("resident1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"invitationId\":%d,\"answers\":{\"%d\":5}}".formatted(invitation, itemIds.get(0))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("item" + itemIds.get(1))));
		String answers = "{\"invitationId\":%d,\"answers\":{\"%d\":5,\"%d\":4,\"%d\":1,\"%d\":0}}";
		mvc.perform(post(path).with(as("resident1")).contentType(MediaType.APPLICATION_JSON)
			.content(answers.formatted(invitation, itemIds.get(0), itemIds.get(1), itemIds.get(2), itemIds.get(3))))
			.andExpect(status().isCreated());
		mvc.perform(post(path).with(as("resident1")).contentType(MediaType.APPLICATION_JSON)
			.content(answers.formatted(invitation, itemIds.get(0), itemIds.get(1), itemIds.get(2), itemIds.get(3))))
			.andExpect(status().isConflict());

		// another resident's invitation is not found for resident1; staff enter it after a phone call
		long other = jdbc.sql("SELECT MIN(id) FROM quality_survey_invitation WHERE survey_id = ? AND answered = FALSE")
			.param(id).query(Long.class).single();
		String phone = "{\"invitationId\":%d,\"answers\":{\"%d\":3,\"%d\":2,\"%d\":2}}".formatted(other, itemIds.get(0),
				itemIds.get(1), itemIds.get(2));
		mvc.perform(post(path).with(as("resident1")).contentType(MediaType.APPLICATION_JSON).content(phone))
			.andExpect(status().isNotFound());
		mvc.perform(post(path).with(as("junmen")).contentType(MediaType.APPLICATION_JSON).content(phone))
			.andExpect(status().isCreated());

		// resident1: (100×30 + 75×50 + 50×20) / 100 → 77.5; the call: (50×30 + 25×50 + 0×20) / 100 → 27.5; index 52.5
		String report = mvc.perform(get("/api/v1/quality/surveys/" + id + "/report").with(as("gulou")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.invited").value(population))
			.andExpect(jsonPath("$.responses").value(2))
			.andExpect(jsonPath("$.index").value(52.5))
			.andExpect(jsonPath("$.dimensions[0].dimension").value("响应速度"))
			.andExpect(jsonPath("$.dimensions[0].index").value(75.0))
			.andExpect(jsonPath("$.dimensions[1].index").value(50.0))
			.andExpect(jsonPath("$.dimensions[2].index").value(25.0))
			.andExpect(jsonPath("$.items[0].importance").value(30.0))
			.andExpect(jsonPath("$.items[0].quadrant").value("POSSIBLE_OVERKILL"))
			.andExpect(jsonPath("$.items[1].quadrant").value("KEEP"))
			.andExpect(jsonPath("$.items[2].quadrant").value("LOW_PRIORITY"))
			.andExpect(jsonPath("$.items[3].score").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		assertThat(report).doesNotContainIgnoringCase("residentId").doesNotContainIgnoringCase("invitation");
		String anonymous = mvc.perform(get("/api/v1/quality/surveys/" + id + "/answers").with(as("gulou")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[1].response.channel").value("PHONE"))
			.andReturn().getResponse().getContentAsString();
		assertThat(anonymous).doesNotContainIgnoringCase("residentId").doesNotContainIgnoringCase("invitation")
			.doesNotContain("\"junmen\"");

		// the catalogue's survey indicator agrees with the report, its drill-down counts the same responses
		String indicators = mvc.perform(get("/api/v1/quality/indicators?territory=" + JUNMEN + "&period="
				+ YearMonth.from(today)).with(as("junmen"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> item = JsonPath.read(indicators, "$.items[?(@.code == 'survey.satisfaction-index')]");
		assertThat(((Number) item.get(0).get("value")).doubleValue()).isEqualTo(52.5);
		assertThat(((Number) item.get(0).get("count")).longValue()).isEqualTo(2);
		mvc.perform(get("/api/v1/quality/indicators/survey.satisfaction-index/records?territory=" + JUNMEN + "&period="
				+ YearMonth.from(today)).with(as("junmen")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].href").value(org.hamcrest.Matchers.startsWith("/quality/surveys/" + id)));

		// resident1's page lists it answered; closing ends answering
		mvc.perform(get("/quality/surveys/mine").with(page("resident1"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("军门社区服务满意度")));
		mvc.perform(post("/api/v1/quality/surveys/" + id + "/close").with(as("junmen"))).andExpect(status().isOk());
		long third = jdbc.sql("SELECT MIN(id) FROM quality_survey_invitation WHERE survey_id = ? AND answered = FALSE")
			.param(id).query(Long.class).single();
		mvc.perform(post(path).with(as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content(phone.replace("\"invitationId\":" + other, "\"invitationId\":" + third)))
			.andExpect(status().isConflict());
	}

	@Test
	void badQuestionnairesAreFieldErrorsAndWriteNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM quality_survey").query(Long.class).single();
		mvc.perform(post("/api/v1/quality/surveys").with(as("gulou")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\",\"items\":[{\"kind\":\"LIKERT\",\"text\":\"Q\",\"dimension\":\"D\",\"weight\":0}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("title", "periodFrom",
					"samplingRule", "sampleSize", "items[0].weight")));
		// a territory outside the jurisdiction is a field error too
		mvc.perform(post("/api/v1/quality/surveys").with(as("gulou")).contentType(MediaType.APPLICATION_JSON)
			.content(questionnaire("350111", "ALL_RESIDENTS", 10, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("territory"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_survey").query(Long.class).single()).isEqualTo(before);
		// the builder page shows the field messages next to the fields
		mvc.perform(post("/quality/surveys").with(page("gulou")).with(csrf()).param("title", "")
			.param("itemKind", "LIKERT").param("itemText", "Q").param("itemDimension", "D").param("itemWeight", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请填写问卷标题")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("权重应为0到100之间的数")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_survey").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anotherJurisdictionsSurveyIsNotFoundAndPagesWork() throws Exception {
		long jinan = create("city", questionnaire("350111", "DEMANDS_CLOSED", 10, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 1, 31)));
		mvc.perform(get("/api/v1/quality/surveys/" + jinan + "/report").with(as("gulou"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/quality/surveys/" + jinan + "/report").with(as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/quality/surveys/" + jinan).with(page("city"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("survey-matrix")));
		mvc.perform(post("/quality/surveys/" + jinan + "/open").with(page("city")).with(csrf()))
			.andExpect(redirectedUrlPattern("/quality/surveys/*"));
		mvc.perform(get("/quality/surveys/" + jinan + "/report.xlsx").with(page("city"))).andExpect(status().isOk());
		mvc.perform(get("/quality/surveys/" + jinan + "/answers.xlsx").with(page("city"))).andExpect(status().isOk());
		mvc.perform(get("/quality/surveys/new").with(page("dongjie"))).andExpect(status().isOk());
		mvc.perform(get("/quality/surveys").with(page("junmen-grid1"))).andExpect(status().isOk());
	}
}
