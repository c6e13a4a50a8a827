package org.jinlin.meals;

import java.math.BigDecimal;
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
 * among the day's orders to prepare, records her meal of today at the counter page with her subsidy shown before
 * confirming, and logs the retained sample of a dish of today's lunch. Every page checked with axe-core.
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

	/** 长辈模式 is kept on her account, her order, sale and the sample would stay: all undone for the other journeys. */
	@AfterEach
	void undo() {
		jdbc.sql("UPDATE account SET age_friendly = NULL WHERE username = 'resident1'").update();
		jdbc.sql("DELETE FROM meal_order WHERE diner_id = ? AND served_on = ? AND meal = 'LUNCH'").params(wang(), tomorrow).update();
		jdbc.sql("DELETE FROM meal_sample WHERE taken_by = 'canteen1' AND fridge = '浏览器测试冰箱'").update();
		for (var sale : jdbc.sql("SELECT id, sold_on, subsidy FROM meal_sale WHERE diner_id = ? AND sold_by = 'canteen1'")
			.param(wang())
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3) })
			.list()) {
			jdbc.sql("UPDATE meal_subsidy_month SET used = used - ? WHERE diner_id = ? AND month_start = ?")
				.params(sale[2], wang(), ((LocalDate) sale[1]).withDayOfMonth(1)).update();
			jdbc.sql("DELETE FROM meal_sale_subsidy WHERE sale_id = ?").param(sale[0]).update();
			jdbc.sql("DELETE FROM meal_sale WHERE id = ?").param(sale[0]).update();
		}
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

		// at the counter: find her by name (masked), see her subsidy before confirming, confirm once
		signIn("canteen1");
		chrome.get(url("/meals/counter"));
		chrome.findElement(By.id("q")).sendKeys("秀兰");
		click(By.cssSelector("#counter-search button[type=submit]"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pick-" + wang())));
		assertThat(chrome.findElement(By.id("counter-matches")).getText()).contains("王**").doesNotContain("王秀兰");
		click(By.id("pick-" + wang()));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("counter-preview")));
		BigDecimal price = new BigDecimal(chrome.findElement(By.id("counter-quote-price")).getText());
		BigDecimal subsidy = new BigDecimal(chrome.findElement(By.id("counter-quote-subsidy")).getText());
		BigDecimal paid = new BigDecimal(chrome.findElement(By.id("counter-quote-paid")).getText());
		assertThat(subsidy).as("her subsidy, shown before confirming").isPositive();
		assertThat(paid).isEqualByComparingTo(price.subtract(subsidy));
		assertThat(chrome.findElement(By.id("counter-sell")).getSize().getHeight()).as("a large button").isGreaterThanOrEqualTo(60);
		screenshot("meals-counter-preview");
		click(By.id("counter-sell"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("counter-receipt")));
		assertThat(chrome.findElement(By.id("counter-receipt")).getText()).contains(subsidy.toPlainString());
		assertThat(chrome.findElement(By.id("meals-sales")).getText()).contains("王**");
		BigDecimal recorded = jdbc.sql("SELECT subsidy FROM meal_sale WHERE diner_id = ? AND sold_by = 'canteen1'").param(wang())
			.query(BigDecimal.class).single();
		assertThat(recorded).isEqualByComparingTo(subsidy);
		screenshot("meals-counter-sold");

		// the retained sample of a dish of today's lunch
		String sampled = jdbc.sql("SELECT name FROM meal_menu_item WHERE place_id = ? AND served_on = ? AND meal = 'LUNCH' ORDER BY line")
			.params(canteen, LocalDate.now(ZONE)).query(String.class).list().get(0);
		chrome.get(url("/meals/samples"));
		assertThat(chrome.findElement(By.id("missing-today")).getText()).contains(sampled);
		chrome.findElement(By.id("sample-dish")).sendKeys(sampled);
		chrome.findElement(By.id("sample-weight")).clear();
		chrome.findElement(By.id("sample-weight")).sendKeys("150");
		chrome.findElement(By.id("sample-fridge")).clear();
		chrome.findElement(By.id("sample-fridge")).sendKeys("浏览器测试冰箱");
		click(By.id("sample-save"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("samples-notice")));
		assertThat(chrome.findElement(By.id("samples-table")).getText()).contains(sampled).contains("150");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM meal_sample WHERE place_id = ? AND dish = ? AND weight_grams = 150 AND fridge = '浏览器测试冰箱'")
			.params(canteen, sampled).query(Long.class).single()).isEqualTo(1);
		screenshot("meals-sample-logged");
	}
}
