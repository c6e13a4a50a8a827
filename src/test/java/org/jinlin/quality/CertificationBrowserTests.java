package org.jinlin.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Certification in a browser: signed out, a resident goes from 军门社区's public board to its certificate (四星, valid
 * until 2029-03-17) and verifies its number; a made-up number says it is not valid; the 鼓楼区 official sees 军门社区
 * certified and the checklist after GB/T 20647.
 */
class CertificationBrowserTests extends BrowserTest {

	@Test
	void aResidentVerifiesJunmensCertificateFromItsBoardAndStaffSeeIt() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
		chrome.manage().deleteAllCookies();
		chrome.get(url("/public/board/350102004001"));
		click(By.id("certification-board-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("certificate-level")));
		assertThat(chrome.findElement(By.id("certificate-level")).getText()).isEqualTo("四星");
		assertThat(chrome.findElement(By.id("certificate-valid-until")).getText()).contains("2029-03-17");
		screenshot("certification-public");

		click(By.id("certificate-number"));
		wait.until(ExpectedConditions.urlContains("/public/quality/certificates/QC-2026-DEMO000001"));
		assertThat(chrome.findElement(By.id("cert-valid")).getText()).contains("真实有效");
		screenshot("certification-verified");

		chrome.get(url("/public/quality/certificates/QC-2026-AAAAAAAAAA"));
		assertThat(chrome.findElement(By.id("cert-not-valid")).getText()).contains("证书编号无效");
		screenshot("certification-invalid");

		signIn("gulou");
		chrome.get(url("/quality/certification"));
		assertThat(chrome.findElement(By.id("cert-assessments")).getText()).contains("军门社区").contains("四星");
		screenshot("certification-overview");
		click(By.id("cert-checklist-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cert-criteria")));
		assertThat(chrome.findElement(By.id("criterion-F1")).getText()).contains("社区综合服务设施");
		screenshot("certification-checklist");
	}
}
