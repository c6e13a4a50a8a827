package org.jinlin.demands;

import java.time.Duration;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident raises a demand on a phone-sized screen, finds it in "my demands", and then, signed out,
 * finds it on the public board of her community, with her description shown as text.
 */
class DemandResidentBrowserTests extends BrowserTest {

	@Test
	void aResidentRaisesADemandAndFindsItInMyDemandsAndOnThePublicBoard() throws Exception {
		String description = "浏览器测试：福榕里垃圾桶满了 <b>没人清</b> " + System.nanoTime();
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(10));
		signIn("resident1");

		chrome.get(url("/demands/new"));
		assertThat(chrome.getTitle()).contains("我要说事");
		new Select(chrome.findElement(By.id("demand-category"))).selectByValue("elevator");
		// htmx loads the category's questions
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-trapped-no")));
		new Select(chrome.findElement(By.id("demand-category"))).selectByValue("sanitation");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("q-trapped-no")));
		chrome.findElement(By.id("demand-description")).sendKeys(description);
		assertThat(chrome.findElement(By.id("location-HOME")).isSelected()).isTrue();
		screenshot("demand-raise");
		click(By.id("demand-submit"));

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-notice")));
		assertThat(chrome.getCurrentUrl()).contains("/demands/mine/");
		assertThat(chrome.findElement(By.tagName("main")).getText()).contains(description).contains("待签收");
		screenshot("demand-mine-detail");

		chrome.get(url("/demands/mine"));
		assertThat(chrome.findElement(By.id("my-demands")).getText()).contains(description);

		// Signed out, on the public board of 军门社区.
		chrome.manage().deleteAllCookies();
		chrome.get(url("/public/board"));
		click(By.id("community-350102004001"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board-items")));
		assertThat(chrome.findElement(By.id("board-items")).getText()).contains(description).doesNotContain("王秀兰");
		screenshot("demand-board");
		click(By.xpath("//article[contains(., '" + description.substring(0, 20) + "')]//a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-timeline")));
		assertThat(chrome.findElement(By.tagName("main")).getText()).contains(description).contains("居民说事");
		screenshot("demand-board-detail");
	}
}
