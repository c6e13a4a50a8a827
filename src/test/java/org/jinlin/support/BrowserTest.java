package org.jinlin.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser journeys: the application on a random port, one headless Chromium per
 * test class, and helpers to sign in, click on a phone-sized screen and keep screenshots
 * under {@code target/screenshots}. Every page opened with {@code get}, every page screenshotted and the page
 * each test ends on is checked with axe-core: a critical or serious violation fails the test.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

	protected static ChromeDriver chrome;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() {
		chrome = Browser.start();
	}

	@AfterEach
	void lastPageIsAccessible() {
		if (chrome != null) {
			AccessibilityCheck.assertAccessible(chrome);
		}
	}

	@AfterAll
	static void stopBrowser() {
		if (chrome != null) {
			chrome.quit();
			chrome = null;
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Signs in afresh with the demo password. */
	protected void signIn(String username) {
		signIn(chrome, username);
	}

	/**
	 * Signs in afresh in the given browser and waits until the sign-in has landed: a navigation started
	 * before the form's redirect has come back would race it and might run as the previous account.
	 */
	protected void signIn(ChromeDriver driver, String username) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
		driver.findElement(By.cssSelector("form.jl-form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** Keeps a screenshot of what the browser shows, after checking the page with axe-core. */
	protected void screenshot(String name) throws Exception {
		AccessibilityCheck.assertAccessible(chrome);
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
	}

	/** Scrolls into view and clicks by script: on a phone-sized window the element may be below the fold. */
	protected void click(By by) {
		var element = chrome.findElement(by);
		chrome.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}
}
