package org.jinlin.meals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jinlin.support.Browser;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 王阿姨 (resident1), in 长辈模式 on a phone-sized screen, orders tomorrow's lunch with a large button; canteen1 sees it
 * among the day's orders to prepare. (The counter sale with her subsidy and the retained sample come with items 4
 * and 7 of issue 15.)
 */
class MealOrderBrowserTests extends BrowserTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcClient jdbc;

	LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);

	long wang() {
		return jdbc.sql("SELECT d.id FROM meal_diner d JOIN resident r ON r.id = d.resident_id WHERE r.name = '王秀兰'")
			.query(Long.class).single();
	}

	/** 长辈模式 is kept on her account, and her order would stay: both undone for the other journeys. */
	@AfterEach
	void undo() {
		jdbc.sql("UPDATE account SET age_friendly = NULL WHERE username = 'resident1'").update();
		jdbc.sql("DELETE FROM meal_order WHERE diner_id = ? AND served_on = ? AND meal = 'LUNCH'").params(wang(), tomorrow).update();
	}

	@Test
	void wangOrdersTomorrowsLunchInAgeFriendlyModeAndTheCanteenSeesIt() throws Exception {
		long canteen = jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
		long dish = jdbc.sql("""
				SELECT id FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND meal = 'LUNCH' AND name LIKE '少盐%'""")
			.params(canteen, tomorrow).query(Long.class).single();
		String name = jdbc.sql("SELECT name FROM meal_menu_item WHERE id = ?").param(dish).query(String.class).single();
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20));

		signIn("resident1");
		click(By.cssSelector(".jl-af-toggle"));
		wait.until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains("age-friendly"));
		chrome.get(url("/meals/order"));
		assertThat(chrome.findElement(By.tagName("html")).getAttribute("class")).contains("age-friendly");
		var button = chrome.findElement(By.id("order-" + dish));
		assertThat(button.getText()).contains(name);
		assertThat(button.getSize().getHeight()).as("a large button").isGreaterThanOrEqualTo(60);
		assertThat(button.getSize().getWidth()).as("as wide as the phone allows").isGreaterThanOrEqualTo(280);
		screenshot("meals-order-age-friendly");
		chrome.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
		wait.until(ExpectedConditions.textToBe(By.id("order-notice"), "订好了"));
		assertThat(chrome.findElement(By.id("ordered-" + tomorrow + "-LUNCH")).getText()).contains(name);
		screenshot("meals-order-placed");

		ChromeDriver counter = Browser.start();
		try {
			signIn(counter, "canteen1");
			counter.get(url("/meals/orders?date=" + tomorrow));
			String table = counter.findElement(By.id("orders-table")).getText();
			assertThat(table).contains("王**").contains(name);
			assertThat(counter.findElement(By.id("orders-counts")).getText()).contains(name);
		}
		finally {
			counter.quit();
		}
	}
}
