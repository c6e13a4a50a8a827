package org.jinlin.volunteers.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jinlin.support.BrowserTest;
import org.jinlin.volunteers.internal.VolunteerTimes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer's day: volunteer1 signs up for a 军门社区 activity, opens the check-in link of the venue's QR code (as a
 * phone's camera would) and signs in, and later out; the organiser (junmen) confirms the hours; volunteer1 issues and
 * downloads a service certificate, and its number verifies on the public page, signed out.
 */
class VolunteerBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void signUpCheckInAndOutConfirmHoursAndVerifyTheCertificate() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
		long volunteer = jdbc.sql("SELECT id FROM volunteer WHERE username = 'volunteer1'").query(Long.class).single();
		jdbc.sql("DELETE FROM volunteer_attendance WHERE volunteer_id = ? AND service_date >= ?")
			.params(volunteer, LocalDate.now(VolunteerTimes.ZONE).minusDays(1)).update();
		long activity = publishedActivityStartingSoon();

		// 1. volunteer1 signs up
		signIn("volunteer1");
		chrome.get(url("/volunteers/activities/" + activity));
		click(By.cssSelector(".signup-button"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".signed-up")));
		assertThat(chrome.findElement(By.id("notice")).getText()).isEqualTo("报名成功。");
		screenshot("volunteers-signed-up");

		// 2. the organiser's page shows the venue's QR code and the link it encodes
		signIn("junmen");
		chrome.get(url("/volunteers/activities/" + activity));
		assertThat(chrome.findElement(By.id("qr")).getAttribute("src")).endsWith("/volunteers/activities/" + activity + "/qr.svg");
		String checkin = chrome.findElement(By.id("checkin-url")).getAttribute("href");
		assertThat(checkin).contains("/volunteers/checkin/");
		screenshot("volunteers-organiser-qr");

		// 3. volunteer1 scans it: signs in, and (two hours later) out
		signIn("volunteer1");
		chrome.get(checkin);
		assertThat(chrome.findElement(By.id("checkin-button")).getText()).isEqualTo("签到");
		click(By.id("checkin-button"));
		wait.until(ExpectedConditions.textToBe(By.id("notice"), "已签到：浏览器测试 · 社区助老"));
		// two hours at the venue pass
		var in = jdbc.sql("SELECT id, signed_in_at FROM volunteer_attendance WHERE activity_id = ? AND volunteer_id = ?")
			.params(activity, volunteer).query().singleRow();
		jdbc.sql("UPDATE volunteer_attendance SET signed_in_at = ? WHERE id = ?")
			.params(((OffsetDateTime) jdbc.sql("SELECT signed_in_at FROM volunteer_attendance WHERE id = ?").param(in.get("id"))
				.query(OffsetDateTime.class).single()).minusHours(2), in.get("id"))
			.update();
		chrome.get(checkin);
		assertThat(chrome.findElement(By.id("checkin-button")).getText()).isEqualTo("签退");
		click(By.id("checkin-button"));
		wait.until(ExpectedConditions.textToBe(By.id("notice"), "已签退：浏览器测试 · 社区助老"));
		screenshot("volunteers-checked-out");

		// 4. the organiser confirms the hours
		signIn("junmen");
		chrome.get(url("/volunteers/activities/" + activity));
		var line = By.cssSelector(".hours-line[data-volunteer='" + volunteer + "']");
		assertThat(chrome.findElement(line).getText()).contains("签到计算时长 2.00 小时");
		click(By.cssSelector(".hours-line[data-volunteer='" + volunteer + "'] .confirm-button"));
		wait.until(ExpectedConditions.textToBe(By.id("notice"), "服务时长已确认并记入服务记录。"));
		assertThat(chrome.findElement(line).getText()).contains("已确认 2.00 小时");

		// 5. volunteer1 issues a certificate and downloads it
		signIn("volunteer1");
		chrome.get(url("/volunteers/me"));
		assertThat(chrome.findElement(By.id("records")).getText()).contains("浏览器测试 · 社区助老");
		click(By.id("issue-certificate"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		String notice = chrome.findElement(By.id("notice")).getText();
		assertThat(notice).startsWith("已开具服务证明");
		String number = notice.replaceAll(".*(JL-\\d{4}-[0-9A-Z]{10}).*", "$1");
		var pdfLink = chrome.findElement(By.xpath("//a[@class='certificate-pdf' and text()='" + number + "']"));
		Object head = chrome.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(String.fromCharCode(...new Uint8Array(b).slice(0, 5))));""",
				pdfLink.getAttribute("href"));
		assertThat(head).isEqualTo("%PDF-");
		screenshot("volunteers-certificate-issued");

		// 6. signed out, anyone verifies the number; a forged one is not found
		chrome.manage().deleteAllCookies();
		chrome.get(url("/certificates/" + number));
		assertThat(chrome.findElement(By.id("genuine")).getText()).isEqualTo("该证明真实有效。");
		assertThat(chrome.findElement(By.id("certificate-name")).getText()).isEqualTo("李小丽");
		assertThat(chrome.getPageSource()).doesNotContain("****");
		screenshot("volunteers-certificate-verified");
		chrome.get(url("/certificates/JL-2026-AAAAAAAAAA"));
		assertThat(chrome.findElements(By.id("genuine"))).isEmpty();
		// its own page (still a 404): the number is not valid, and how to check one
		assertThat(chrome.findElement(By.cssSelector("#not-valid strong")).getText()).isEqualTo("证明编号无效");
		assertThat(chrome.findElements(By.cssSelector("#how-to-check li"))).isNotEmpty();
	}

	/** A published 军门社区 activity starting in half an hour (check-in opens two hours before the start). */
	long publishedActivityStartingSoon() {
		OffsetDateTime start = OffsetDateTime.now().plusMinutes(30);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		var junmen = jdbc.sql("SELECT id, path FROM territory_node WHERE code = '350102004001'").query().singleRow();
		jdbc.sql("""
				INSERT INTO volunteer_activity (title, organiser_kind, organiser_name, territory_id, territory_name, territory_path,
				  category, venue, description, starts_at, ends_at, status, published_at, checkin_token, created_at, created_by)
				VALUES ('浏览器测试 · 社区助老', 'COMMUNITY', '军门社区', ?, '军门社区', ?, 'ELDERLY', '军门社区党群服务中心', '',
				  ?, ?, 'PUBLISHED', ?, ?, ?, 'junmen')""")
			.params(junmen.get("id"), junmen.get("path"), start, start.plusHours(3), OffsetDateTime.now(),
					VolunteerTimes.newToken(), OffsetDateTime.now())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("INSERT INTO volunteer_shift (activity_id, label, starts_at, ends_at, capacity, taken) VALUES (?, '全程', ?, ?, 10, 0)")
			.params(id, start, start.plusHours(3)).update();
		return id;
	}
}
