package org.jinlin.volunteers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A certificate's public verification: a number never issued answers 404 with a page of its own (not valid, how to
 * check), and the printed certificate carries the full verification address and a QR code of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificatePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aMadeUpNumberGetsItsOwnNotValidPageStillA404() throws Exception {
		mvc.perform(get("/certificates/JL-2026-AAAAAAAAAA"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("id=\"not-valid\"")))
			.andExpect(content().string(containsString("证明编号无效")))
			.andExpect(content().string(containsString("JL-2026-AAAAAAAAAA")))
			.andExpect(content().string(containsString("id=\"how-to-check\"")))
			.andExpect(content().string(not(containsString("页面不存在"))));
		mvc.perform(get("/certificates/not-a-number").param("lang", "en"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Certificate number not valid")))
			.andExpect(content().string(containsString("How to check a certificate")));
		// an overlong number is cut, markup is escaped
		mvc.perform(get("/certificates/check").param("number", "<b>" + "X".repeat(60)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("<B>"))))
			.andExpect(content().string(not(containsString("X".repeat(41)))));
	}

	@Test
	void theCheckFormLeadsToTheNumbersPage() throws Exception {
		mvc.perform(get("/certificates/check").param("number", " jl-2026-demo000001 "))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/certificates/JL-2026-DEMO000001"));
		mvc.perform(get("/certificates/JL-2026-DEMO000001"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"genuine\"")));
	}

	@Test
	void thePrintedCertificateCarriesTheFullVerificationAddress() throws Exception {
		byte[] pdf = mvc.perform(get("/volunteers/me/certificates/JL-2026-DEMO000001.pdf")
			.with(user(users.loadUserByUsername("volunteer1"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		assertThat(text.toString().replaceAll("\\s", "")).contains("http://localhost/certificates/JL-2026-DEMO000001");
		String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
		// a link to it, and the QR code: an image on the page
		assertThat(raw).contains("/URI(http://localhost/certificates/JL-2026-DEMO000001)").contains("/Subtype/Image");
	}
}
