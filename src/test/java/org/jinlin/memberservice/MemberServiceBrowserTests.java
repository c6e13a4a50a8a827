package org.jinlin.memberservice;

import java.math.BigDecimal;
import java.time.Duration;

import org.jinlin.demo.DemoMemberService;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey of issue 5 on a phone-sized screen: party member 张敏 (member1) registers with 军门社区 where she lives
 * (a first try without the required fields shows the field messages), claims the open micro-wish of 王秀兰
 * (resident1), reports it delivered with its hours; 王秀兰 confirms; then 张敏's hours (credited asynchronously by the
 * service-hours ledger) and 军门社区's figures, as its community worker sees them, have changed.
 */
class MemberServiceBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	long figure(String id) {
		return Long.parseLong(chrome.findElement(By.id(id)).getText().replace(",", "").trim());
	}

	@Test
	void aMemberRegistersClaimsAndDeliversAWishTheResidentConfirmsAndHoursAndFiguresChange() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		signIn("junmen");
		chrome.get(url("/service/members"));
		long membersBefore = figure("figure-members");
		long fulfilledBefore = figure("figure-wishes-fulfilled");
		long personTimesBefore = figure("figure-person-times");
		screenshot("memberservice-figures-before");

		// 张敏 registers with her community; a first try without the required fields gets field messages
		signIn("member1");
		chrome.get(url("/service/registration"));
		assertThat(chrome.findElements(By.id("registration-none"))).hasSize(1);
		click(By.id("registration-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("employer-error")));
		assertThat(chrome.findElement(By.id("employer-error")).getText()).isNotBlank();
		assertThat(chrome.findElement(By.id("categories-error")).getText()).isNotBlank();
		screenshot("memberservice-registration-errors");
		new Select(chrome.findElement(By.id("communityCode"))).selectByValue("350102004001");
		click(By.id("cat-ELDERLY"));
		click(By.id("cat-CHILDREN"));
		click(By.id("avail-WEEKENDS"));
		chrome.findElement(By.id("employer")).sendKeys("福州市民政局");
		chrome.findElement(By.id("phone")).sendKeys("13812345678");
		chrome.findElement(By.id("skills")).sendKeys("电脑手机教学");
		click(By.id("registration-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ms-notice")));
		assertThat(chrome.findElement(By.id("registration-list")).getText()).contains("军门社区");
		screenshot("memberservice-registered");

		// she claims 王秀兰's open wish and reports it delivered (htmx)
		long wish = jdbc.sql("""
				SELECT MIN(id) FROM ms_wish WHERE wisher_username = 'resident1' AND status = 'OPEN' AND title = ?""")
			.param(DemoMemberService.RESIDENT1_WISH).query(Long.class).single();
		chrome.get(url("/service/wishes"));
		By card = By.id("wish-" + wish);
		assertThat(chrome.findElement(card).getText()).contains("王**").doesNotContain("王秀兰");
		click(By.id("wish-" + wish + "-claim"));
		wait.until(ExpectedConditions.attributeToBe(card, "data-status", "CLAIMED"));
		chrome.findElement(By.id("wish-" + wish + "-note")).sendKeys("已上门换好厨房灯泡");
		chrome.findElement(By.id("wish-" + wish + "-hours")).sendKeys("1.5");
		click(By.id("wish-" + wish + "-deliver"));
		wait.until(ExpectedConditions.attributeToBe(card, "data-status", "DELIVERED"));
		screenshot("memberservice-delivered");

		// 王秀兰 confirms
		signIn("resident1");
		chrome.get(url("/service/wishes"));
		click(By.id("wish-" + wish + "-confirm"));
		wait.until(ExpectedConditions.attributeToBe(card, "data-status", "CONFIRMED"));
		screenshot("memberservice-confirmed");

		// 张敏's hours: the ledger posts asynchronously, so reload until they show
		signIn("member1");
		wait.until(d -> {
			d.get(url("/service/registration"));
			return new BigDecimal(d.findElement(By.id("member-hours")).getText().trim()).signum() > 0;
		});
		assertThat(Long.parseLong(chrome.findElement(By.id("member-person-times")).getText().trim())).isGreaterThan(0);
		assertThat(chrome.findElement(By.id("claimed-wishes")).getText()).contains(DemoMemberService.RESIDENT1_WISH);
		screenshot("memberservice-hours");

		// 军门社区's figures changed
		signIn("junmen");
		chrome.get(url("/service/members"));
		assertThat(figure("figure-members")).isEqualTo(membersBefore + 1);
		assertThat(figure("figure-wishes-fulfilled")).isEqualTo(fulfilledBefore + 1);
		assertThat(figure("figure-person-times")).isEqualTo(personTimesBefore + 1);
		assertThat(chrome.findElement(By.id("members-table")).getText()).contains("张敏").contains("138****5678")
			.doesNotContain("13812345678");
		screenshot("memberservice-figures-after");
	}
}
