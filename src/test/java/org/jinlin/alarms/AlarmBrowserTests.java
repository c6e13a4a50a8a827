package org.jinlin.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jinlin.support.Browser;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alarm loop in two browsers on phone-sized screens: the grid worker has the alarm desk open; the elder (王阿姨,
 * resident1) switches on age-friendly mode and presses the big help button; the new alarm appears on the open desk
 * without a reload (server-sent events); the worker acknowledges it and confirms arrival on the alarm page; the
 * elder's page, polling, shows that the worker has arrived. Screenshots are kept under target/screenshots.
 */
class AlarmBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	/** 长辈模式 switched on here is kept on resident1's account: off again for the other journeys. */
	@org.junit.jupiter.api.AfterEach
	void standardModeAgain() {
		jdbc.sql("UPDATE account SET age_friendly = NULL WHERE username = 'resident1'").update();
	}

	@Test
	void theElderPressesHelpTheDeskSeesItLiveAndTheWorkerAcknowledgesAndArrives() throws Exception {
		// No open alarm of hers that a new press would join; the demo responders on duty.
		jdbc.sql("UPDATE alarm SET status = 'RESOLVED', outcome = 'OTHER', resolved_at = CURRENT_TIMESTAMP WHERE status <> 'RESOLVED'").update();
		jdbc.sql("UPDATE alarm_responder SET duty_status = 'ON_DUTY'").update();

		ChromeDriver desk = Browser.start();
		try {
			var elderWait = new WebDriverWait(chrome, Duration.ofSeconds(20));
			var deskWait = new WebDriverWait(desk, Duration.ofSeconds(20));

			// 1. The grid worker opens the desk; its event stream connects.
			signIn(desk, "junmen-grid1");
			desk.get(url("/alarms/desk"));
			deskWait.until(ExpectedConditions.attributeToBe(By.id("desk-live"), "data-connected", "true"));
			desk.findElement(By.id("desk-sound")).click();
			shot(desk, "alarm-desk-before");

			// 2. The elder switches on age-friendly mode and presses the big button.
			signIn("resident1");
			click(By.cssSelector(".jl-af-toggle"));
			elderWait.until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains("age-friendly"));
			chrome.get(url("/help"));
			assertThat(chrome.findElement(By.tagName("html")).getAttribute("class")).contains("age-friendly");
			var button = chrome.findElement(By.id("help-button"));
			assertThat(button.getText()).isEqualTo("呼叫帮助");
			assertThat(button.getSize().getHeight()).as("a very large button").isGreaterThanOrEqualTo(150);
			assertThat(button.getSize().getWidth()).as("as wide as the phone allows").isGreaterThanOrEqualTo(300);
			screenshot("alarm-help-age-friendly");
			click(By.id("help-button"));
			elderWait.until(ExpectedConditions.textToBe(By.id("help-status"), "已呼叫，正在通知社区工作人员"));
			String id = chrome.getCurrentUrl().replaceAll(".*[?&]alarm=(\\d+).*", "$1");
			assertThat(id).matches("\\d+");
			screenshot("alarm-help-raised");

			// 3. The desk, never reloaded, shows it.
			deskWait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-alarm-" + id)));
			String row = desk.findElement(By.id("desk-alarm-" + id)).getText();
			assertThat(row).contains("呼叫帮助").contains("待接单");
			shot(desk, "alarm-desk-live");

			// 4. The worker acknowledges and confirms arrival on the alarm page.
			click(desk, By.id("desk-link-" + id));
			deskWait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-acknowledge")));
			assertThat(desk.findElement(By.id("protocol")).getText()).contains("紧急联系人");
			click(desk, By.id("action-acknowledge"));
			deskWait.until(ExpectedConditions.textToBe(By.id("alarm-status"), "已接单"));
			click(desk, By.id("action-arrive"));
			deskWait.until(ExpectedConditions.textToBe(By.id("alarm-status"), "已到达"));
			assertThat(desk.findElement(By.id("alarm-timeline")).getText()).contains("接单").contains("到达");
			shot(desk, "alarm-arrived");

			// 5. The elder's page, polling every 3 s, says the worker is there.
			elderWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("help-status"), "已到达"));
			assertThat(chrome.findElement(By.id("help-status")).getText()).contains("陈网格员");
			screenshot("alarm-help-arrived");
			assertThat(jdbc.sql("SELECT status FROM alarm WHERE id = ?").param(Long.parseLong(id)).query(String.class).single())
				.isEqualTo("ARRIVED");
		}
		finally {
			desk.quit();
		}
	}

	private static void click(ChromeDriver driver, By by) {
		var element = driver.findElement(by);
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	private static void shot(ChromeDriver driver, String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}
}
