package org.jinlin.people;

import java.time.Duration;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A community worker registers a resident on their behalf after a phone call, on a phone-sized screen. */
class ResidentBrowserTests extends BrowserTest {

	@Test
	void registerOnBehalfAndFindTheResidentInTheList() throws Exception {
		signIn("junmen");

		chrome.get(url("/residents/new"));
		ResidentFixtures.Identity id = ResidentFixtures.nextIdentity();
		chrome.findElement(By.id("channel-PHONE_CALL")).click();
		chrome.findElement(By.id("name")).sendKeys("林阿婆");
		chrome.findElement(By.id("gender-" + id.gender())).click();
		chrome.executeScript("document.getElementById('birthDate').value = arguments[0]", id.birthDate().toString());
		chrome.findElement(By.id("idNumber")).sendKeys(id.idNumber());
		chrome.findElement(By.id("phone")).sendKeys("13712345678");
		new Select(chrome.findElement(By.id("buildingId"))).selectByIndex(1);
		chrome.findElement(By.id("unit")).sendKeys("1");
		chrome.findElement(By.id("room")).sendKeys("302");
		click(By.id("tag-LIVING_ALONE"));
		screenshot("resident-form");
		click(By.cssSelector("form.jl-form button[type=submit]"));

		assertThat(chrome.findElement(By.id("resident-data")).getText()).contains("137****5678").doesNotContain(id.idNumber());
		screenshot("resident-detail");

		chrome.get(url("/residents"));
		assertThat(chrome.getTitle()).contains("居民");
		var rows = chrome.findElements(By.cssSelector("#resident-table tbody tr"));
		assertThat(rows).isNotEmpty();

		// htmx search replaces the table only; the demo register has hundreds of 军门社区 residents
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(10));
		chrome.findElement(By.id("q-name")).sendKeys("林阿婆");
		click(By.cssSelector("form[role=search] button[type=submit]"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resident-table"), "林阿婆"));
		assertThat(chrome.findElement(By.id("resident-table")).getText()).doesNotContain(id.idNumber());
		screenshot("resident-list");

		chrome.findElement(By.id("q-name")).clear();
		chrome.findElement(By.id("q-name")).sendKeys("不存在的名字");
		click(By.cssSelector("form[role=search] button[type=submit]"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resident-table"), "没有符合条件的居民"));
	}
}
