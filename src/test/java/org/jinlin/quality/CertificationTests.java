package org.jinlin.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.support.DemoAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.quality.internal.CertificationReminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Service-quality certification end to end on the demo city: 军门社区 assesses itself with evidence (a PDF, a link
 * to an indicator; a disguised file and an unknown indicator refused), submits, is refused its own review, 鼓楼区
 * returns it without a comment (refused) and then certifies it; the certificate is public signed out and verifiable
 * by its number (an unknown number says so); the daily reminder, on a fixed day 89 days before the last day,
 * notices it as lapsing once, and after the last day as expired.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CertificationTests {

	private static final String JUNMEN = "350102004001";

	private static final String BASE = "/api/v1/quality/certification";

	@Autowired
	MockMvc mvc;

	@Autowired
	CertificationReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	/** A browser page signed in as a demo account (a session, not HTTP Basic). */
	org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(users.loadUserByUsername(username));
	}

	@Test
	void selfAssessmentReviewPublicCertificateAndReminder() throws Exception {
		String checklist = mvc.perform(get(BASE + "/checklist").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria.length()").value(16))
			.andExpect(jsonPath("$.criteria[0].sectionZh").value("服务设施"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<String> codes = JsonPath.read(checklist, "$.criteria[*].code");
		int sum = JsonPath.<List<Integer>>read(checklist, "$.criteria[*].weight").stream().mapToInt(Integer::intValue).sum();
		assertThat(sum).as("the weights of the seeded checklist add up to 100").isEqualTo(100);

		// a score out of range is refused and writes nothing
		mvc.perform(post(BASE + "/assessments").with(as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"scores\":[{\"criterion\":\"F1\",\"score\":9}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("score.F1"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quality_cert_assessment WHERE community_code = ? AND status = 'DRAFT'")
			.param(JUNMEN).query(Long.class).single()).isZero();

		String started = mvc.perform(post(BASE + "/assessments").with(as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"scores\":[{\"criterion\":\"F1\",\"score\":5,\"note\":\"服务中心650平方米\"}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.assessment.status").value("DRAFT"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long id = ((Number) JsonPath.read(started, "$.assessment.id")).longValue();
		// one open assessment per community
		mvc.perform(post(BASE + "/assessments").with(as("junmen")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isConflict());

		// evidence: a PDF is kept; an HTML page calling itself a PDF is refused; a link to an indicator
		byte[] pdf = "%PDF-1.4\n%…\n".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart(BASE + "/assessments/" + id + "/evidence")
			.file(new MockMultipartFile("file", "平面图.pdf", "application/pdf", pdf)).param("criterion", "F1").with(as("junmen")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("平面图.pdf"))
			.andExpect(jsonPath("$.sizeBytes").value(pdf.length));
		mvc.perform(multipart(BASE + "/assessments/" + id + "/evidence")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
			.param("criterion", "F1").with(as("junmen")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(post(BASE + "/assessments/" + id + "/links").with(as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"criterion\":\"E1\",\"kind\":\"INDICATOR\",\"ref\":\"demands.satisfaction\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post(BASE + "/assessments/" + id + "/links").with(as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"criterion\":\"E1\",\"kind\":\"INDICATOR\",\"ref\":\"no.such\"}"))
			.andExpect(status().isBadRequest());
		// the evidence file comes back to staff of the jurisdiction as it was uploaded, not to another district
		long file = jdbc.sql("SELECT id FROM quality_cert_evidence WHERE assessment_id = ? AND kind = 'FILE'").param(id)
			.query(Long.class).single();
		mvc.perform(get("/quality/certification/assessments/" + id + "/evidence/" + file).with(signedIn("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf));

		// not every criterion scored: no submission
		mvc.perform(post(BASE + "/assessments/" + id + "/submission").with(as("junmen")))
			.andExpect(status().isBadRequest());
		StringBuilder all = new StringBuilder("{\"scores\":[");
		for (int i = 0; i < codes.size(); i++) {
			all.append(i == 0 ? "" : ",").append("{\"criterion\":\"").append(codes.get(i)).append("\",\"score\":5}");
		}
		all.append("]}");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(BASE + "/assessments/" + id + "/scores")
			.with(as("junmen")).contentType(MediaType.APPLICATION_JSON).content(all.toString()))
			.andExpect(status().isOk());
		mvc.perform(post(BASE + "/assessments/" + id + "/submission").with(as("junmen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assessment.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.assessment.selfTotal").value(100.0));

		// the review: never by the community itself; returning needs a comment; then certified five stars
		String approve = all.toString().replace("{\"scores\"", "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\",\"scores\"")
			.replaceFirst("\"score\":5", "\"score\":4");
		mvc.perform(post(BASE + "/assessments/" + id + "/review").with(as("junmen")).contentType(MediaType.APPLICATION_JSON)
			.content(approve)).andExpect(status().isForbidden());
		mvc.perform(post(BASE + "/assessments/" + id + "/review").with(as("gulou")).contentType(MediaType.APPLICATION_JSON)
			.content(all.toString().replace("{\"scores\"", "{\"decision\":\"RETURN\",\"scores\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		String reviewed = mvc.perform(post(BASE + "/assessments/" + id + "/review").with(as("gulou"))
			.contentType(MediaType.APPLICATION_JSON).content(approve))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assessment.status").value("CERTIFIED"))
			.andExpect(jsonPath("$.assessment.reviewTotal").value(98.4))
			.andExpect(jsonPath("$.assessment.levelCode").value("FIVE_STAR"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String number = JsonPath.read(reviewed, "$.assessment.certificateNumber");
		LocalDate until = LocalDate.parse(JsonPath.read(reviewed, "$.assessment.validUntil"));
		assertThat(until).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(3).minusDays(1));
		assertThat(events.stream(CertificationAwarded.class).filter(e -> e.assessmentId() == id)).hasSize(1);
		// a second review of a certified assessment is a conflict
		mvc.perform(post(BASE + "/assessments/" + id + "/review").with(as("city")).contentType(MediaType.APPLICATION_JSON)
			.content(approve)).andExpect(status().isConflict());

		// public, signed out: the community's certificate and its verification
		mvc.perform(get(BASE + "/communities/" + JUNMEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("FIVE_STAR"))
			.andExpect(jsonPath("$.number").value(number))
			.andExpect(jsonPath("$.standing").value("VALID"));
		String page = mvc.perform(get("/public/quality/certification/" + JUNMEN))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("五星").contains(number).contains("/public/quality/certificates/" + number);
		assertThat(mvc.perform(get("/public/quality/certificates/" + number)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("证书真实有效").contains("军门社区");
		assertThat(mvc.perform(get("/public/quality/certificates/QC-2026-AAAAAAAAAA")).andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("证书编号无效");
		assertThat(mvc.perform(get("/public/board/" + JUNMEN)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("/public/quality/certification/" + JUNMEN);

		// the reminder on a fixed day: 89 days before the last day it is lapsing, noticed once
		reminders.remind(until.minusDays(91));
		assertThat(events.stream(CertificationLapsingNoticed.class).filter(e -> e.assessmentId() == id)).isEmpty();
		reminders.remind(until.minusDays(89));
		reminders.remind(until.minusDays(88));
		assertThat(events.stream(CertificationLapsingNoticed.class).filter(e -> e.assessmentId() == id))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.certificateNumber()).isEqualTo(number);
				assertThat(e.validUntil()).isEqualTo(until);
				assertThat(e.communityCode()).isEqualTo(JUNMEN);
			});
		assertThat(events.stream(CertificationExpired.class).filter(e -> e.assessmentId() == id)).isEmpty();
		reminders.remind(until.plusDays(1));
		reminders.remind(until.plusDays(2));
		assertThat(events.stream(CertificationExpired.class).filter(e -> e.assessmentId() == id)).hasSize(1);
		assertThat(jdbc.sql("SELECT expired_noticed_at IS NOT NULL FROM quality_cert_assessment WHERE id = ?").param(id)
			.query(Boolean.class).single()).isTrue();

		// staff see a certificate in its last 90 days on the certification page
		jdbc.sql("UPDATE quality_cert_assessment SET valid_until = ? WHERE id = ?")
			.params(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30), id)
			.update();
		mvc.perform(get("/quality/certification").with(signedIn("gulou")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"attention-" + JUNMEN + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请及时组织复评")));
	}

	@Test
	void theDemoCityHasJunmenCertifiedFourStarsAndAnotherCommunityAssessingItself() throws Exception {
		mvc.perform(get("/public/quality/certificates/QC-2026-DEMO000001"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("四星")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2029-03-17")));
		String list = mvc.perform(get(BASE + "/assessments").with(as("dongjie"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(list, "$.items[*].assessment.status")).contains("CERTIFIED", "DRAFT");
		// another district sees none of them
		assertThat(JsonPath.<List<Object>>read(mvc.perform(get(BASE + "/assessments").with(as("city"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items")).isNotEmpty();
		mvc.perform(get("/quality/certification").with(signedIn("dongjie"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("军门社区")));
		mvc.perform(get("/quality/certification/checklist").with(signedIn("gulou"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("社区综合服务设施")));
	}
}
