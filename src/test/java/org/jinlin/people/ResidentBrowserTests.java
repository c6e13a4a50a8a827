package org.jinlin.people;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jinlin.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A community worker registers a resident on their behalf after a phone call, on a phone-sized screen. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentBrowserTests {

	static ChromeDriver chrome;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		chrome = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (chrome != null) {
			chrome.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void screenshot(String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
	}

	/** Scrolls into view and clicks by script: on a phone-sized window the element may be below the fold. */
	void click(By by) {
		var element = chrome.findElement(by);
		chrome.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	@Test
	void registerOnBehalfAndFindTheResidentInTheList() throws Exception {
		chrome.manage().deleteAllCookies();
		chrome.get(url("/login"));
		chrome.findElement(By.id("username")).sendKeys("junmen");
		chrome.findElement(By.id("password")).sendKeys("jinlin-demo");
		chrome.findElement(By.cssSelector("form.jl-form button[type=submit]")).click();

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
		assertThat(chrome.findElement(By.id("resident-table")).getText()).contains("林阿婆").doesNotContain(id.idNumber());
		screenshot("resident-list");

		// htmx search replaces the table only
		chrome.findElement(By.id("q-name")).sendKeys("不存在的名字");
		click(By.cssSelector("form[role=search] button[type=submit]"));
		Thread.sleep(500);
		assertThat(chrome.findElement(By.id("resident-table")).getText()).contains("没有符合条件的居民");
	}
}
