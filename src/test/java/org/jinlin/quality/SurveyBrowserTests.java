package org.jinlin.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Satisfaction surveys in the browser: 王阿姨 (resident1), in 长辈模式 on a 375 px phone, finds the open survey of
 * 军门社区 on "my surveys" and answers it with large radio buttons, without the page scrolling sideways; gulou opens
 * last month's closed survey of 鼓楼区 and sees its index, its dimensions and the importance–performance matrix.
 */
class SurveyBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void standardAgain() {
		jdbc.sql("UPDATE account SET age_friendly = NULL WHERE username = 'resident1'").update();
	}

	@Test
	void resident1AnswersInAgeFriendlyModeOnAPhone() throws Exception {
		jdbc.sql("UPDATE account SET age_friendly = TRUE WHERE username = 'resident1'").update();
		chrome.manage().window().setSize(new Dimension(375, 812));
		signIn("resident1");
		chrome.get(url("/quality/surveys/mine"));
		assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("class")).contains("age-friendly");
		click(By.cssSelector("#survey-mine a[id^=survey-answer-]"));
		new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("survey-answer-form")).isEmpty());
		List<WebElement> radios = chrome.findElements(By.cssSelector("#survey-answer-form input[type=radio]"));
		assertThat(radios).isNotEmpty();
		assertThat(radios.get(0).getRect().getWidth()).as("a radio button in 长辈模式").isGreaterThanOrEqualTo(28);
		assertThat(((Number) chrome.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue())
			.as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0);
		screenshot("survey-answer-375-age-friendly");
		// the first answer of every question: 很满意
		for (WebElement fieldset : chrome.findElements(By.cssSelector("#survey-answer-form fieldset"))) {
			WebElement first = fieldset.findElement(By.cssSelector("input[type=radio]"));
			click(By.id(first.getDomAttribute("id")));
		}
		click(By.id("survey-submit"));
		new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("survey-thanks")).isEmpty());
		assertThat(chrome.findElement(By.id("survey-mine")).getText()).contains("已回答");
		screenshot("survey-mine-answered-375");
	}

	@Test
	void gulouSeesTheIndexAndTheMatrix() throws Exception {
		chrome.manage().window().setSize(new Dimension(1366, 900));
		signIn("gulou");
		chrome.get(url("/quality/surveys"));
		click(By.partialLinkText("鼓楼区诉求办理满意度调查"));
		new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("survey-index")).isEmpty());
		assertThat(chrome.findElement(By.id("survey-index")).getText()).matches("\\d+\\.\\d");
		assertThat(chrome.findElement(By.id("survey-dimensions")).getText()).contains("响应速度", "办理结果", "服务态度");
		new WebDriverWait(chrome, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("#survey-matrix canvas")).isEmpty());
		assertThat(chrome.findElement(By.id("survey-items")).getText()).contains("重点改进");
		screenshot("survey-report-gulou");
		click(By.id("survey-index"));
		new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("survey-answers")).isEmpty());
		assertThat(chrome.getPageSource()).doesNotContain("王秀兰");
	}
}
