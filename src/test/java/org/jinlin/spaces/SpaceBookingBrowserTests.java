package org.jinlin.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.jinlin.spaces.internal.SpaceTime;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 王阿姨 (resident1, 军门社区) on a phone (375 px) switches to 长辈模式 from her account menu, opens her community's
 * 近邻空间 calendar, books the neighbours' bar on a free hour three days ahead, finds the booking in 我的空间预约,
 * opens its QR code and follows the link it encodes: too early to check in, the page says so and offers no button;
 * when the day has come (the test moves the booking to start in ten minutes: check-in opens 30 minutes before the
 * start) the same link checks her in. No page scrolls sideways; every page checked with axe-core.
 */
class SpaceBookingBrowserTests extends BrowserTest {

	static final String USER = "resident1";

	static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	@Autowired
	JdbcClient jdbc;

	final List<Long> made = new ArrayList<>();

	/** 长辈模式 is kept on her account and the booking would stay: both undone for the other journeys. */
	@AfterEach
	void undo() {
		jdbc.sql("UPDATE account SET age_friendly = NULL WHERE username = ?").param(USER).update();
		for (long id : made) {
			jdbc.sql("DELETE FROM space_booking WHERE id = ?").param(id).update();
		}
	}

	@Test
	void wangBooksTheNeighboursBarInAgeFriendlyModeAndChecksInByQrCode() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
		chrome.manage().window().setSize(new Dimension(375, 812));
		long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM space_booking").query(Long.class).single();

		signIn(USER);
		assertThat(String.valueOf(chrome.findElement(By.tagName("html")).getDomAttribute("class"))).doesNotContain("age-friendly");
		// the account menu's toggle is a form: the page is replaced, the mode read from whichever page is there
		click(By.cssSelector("details.jl-account-menu > summary"));
		click(By.cssSelector("details.jl-account-menu .jl-af-toggle"));
		wait.withMessage("the page shows 长辈模式")
			.until(d -> String.valueOf(d.findElement(By.tagName("html")).getDomAttribute("class")).contains("age-friendly"));

		// her community's space, from 我的空间预约
		chrome.get(url("/spaces/mine"));
		assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("class")).contains("age-friendly");
		WebElement space = chrome.findElement(By.cssSelector("#near-spaces a"));
		assertThat(space.getText()).isEqualTo("军门社区近邻空间");
		click(By.cssSelector("#near-spaces a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("space-name")));
		assertThat(chrome.findElement(By.id("space-name")).getText()).isEqualTo("军门社区近邻空间");
		noSidewaysScroll("calendar");

		// three days ahead, a day at a time
		LocalDate day = LocalDate.now(SpaceTime.ZONE);
		for (int i = 0; i < 3; i++) {
			day = day.plusDays(1);
			String shown = day.toString();
			click(By.id("calendar-next"));
			wait.withMessage("the calendar shows " + shown)
				.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//main//h2[starts-with(normalize-space(), '" + shown + "')]")));
		}
		noSidewaysScroll("calendar of " + day);
		screenshot("spaces-calendar-375-age-friendly");

		// the neighbours' bar's first free hour
		By freeBarSlot = By.cssSelector("[data-zone=NEIGHBOURS_BAR] a.jl-slot");
		assertThat(chrome.findElements(freeBarSlot)).as("free hours in the neighbours' bar").isNotEmpty();
		String hour = chrome.findElement(freeBarSlot).getText().trim();
		click(freeBarSlot);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
		String when = day + " " + hour;
		assertThat(chrome.findElement(By.id("chosen-slot")).getText()).contains("邻里吧").contains(when);
		assertThat(chrome.findElement(By.id("confirm-booking")).getSize().getHeight()).as("a large button")
			.isGreaterThanOrEqualTo(48);
		noSidewaysScroll("confirmation");
		chrome.findElement(By.id("purpose")).sendKeys("浏览器测试茶话会");
		screenshot("spaces-confirm-375");
		click(By.id("confirm-booking"));

		// 我的空间预约 lists it, confirmed, with its QR code
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(chrome.getCurrentUrl()).endsWith("/spaces/mine");
		long id = jdbc.sql("SELECT id FROM space_booking WHERE id > ? AND username = ? AND purpose = '浏览器测试茶话会'")
			.params(before, USER).query(Long.class).single();
		made.add(id);
		WebElement mine = chrome.findElement(By.xpath("//ul[@id='my-bookings']/li[contains(., '" + when + "')]"));
		assertThat(mine.getText()).contains("邻里吧").contains("已确认").contains("浏览器测试茶话会");
		WebElement qr = mine.findElement(By.tagName("img"));
		assertThat(qr.getDomAttribute("src")).endsWith("/spaces/bookings/" + id + "/qr.svg");
		assertThat(((Number) chrome.executeScript("return arguments[0].naturalWidth;", qr)).intValue())
			.as("the QR code is drawn").isPositive();
		noSidewaysScroll("my bookings");
		screenshot("spaces-mine-375");

		// the QR code, read as a phone at the door would: the link it encodes
		chrome.get(url("/spaces/bookings/" + id + "/qr.svg"));
		String link = decode(chrome.getPageSource());
		assertThat(link).startsWith(url("/spaces/check-in/"));

		// three days early: no check-in yet
		chrome.get(link);
		assertThat(chrome.findElement(By.id("checkin-status")).getText()).contains("已确认");
		assertThat(chrome.findElements(By.id("checkin-button"))).as("no check-in three days early").isEmpty();

		// the day has come: the booking starts in ten minutes, and the same link checks her in
		OffsetDateTime start = OffsetDateTime.now().plusMinutes(10);
		jdbc.sql("UPDATE space_booking SET start_at = ?, end_at = ?, blocked_until = ? WHERE id = ?")
			.params(start, start.plusHours(1), start.plusMinutes(75), id).update();
		chrome.get(link);
		assertThat(chrome.findElement(By.id("checkin-button")).getSize().getHeight()).as("a large button")
			.isGreaterThanOrEqualTo(48);
		noSidewaysScroll("check-in");
		click(By.id("checkin-button"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(chrome.findElement(By.id("checkin-status")).getText()).contains("已签到");
		assertThat(chrome.findElements(By.id("checkin-button"))).isEmpty();
		assertThat(jdbc.sql("SELECT status FROM space_booking WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("CHECKED_IN");
		noSidewaysScroll("checked in");
		screenshot("spaces-checked-in-375");
	}

	/** 军门社区's staff see the utilisation figures with their chart and follow a figure to the bookings it counts. */
	@Test
	void staffFollowAFigureToTheBookingsItCounts() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
		chrome.manage().window().setSize(new Dimension(1366, 900));
		signIn("junmen");
		chrome.get(url("/spaces/desk"));
		click(By.id("desk-figures"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#spaces-figures-chart canvas")));
		WebElement noShows = chrome.findElement(By.id("figure-no-shows-released"));
		String counted = noShows.findElement(By.cssSelector(".h3")).getText().trim();
		assertThat(Integer.parseInt(counted)).as("no-shows released in the demo month").isPositive();
		screenshot("spaces-figures-1366");
		click(By.id("figure-no-shows-released"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figure-records")));
		assertThat(chrome.findElements(By.cssSelector("#figure-records tbody tr"))).hasSize(Integer.parseInt(counted));
	}

	private void noSidewaysScroll(String page) {
		long overflow = ((Number) chrome.executeScript(
				"var e = document.documentElement; return Math.max(e.scrollWidth, document.body.scrollWidth) - e.clientWidth;"))
			.longValue();
		assertThat(overflow).as("%s scrolls sideways at 375 px", page).isLessThanOrEqualTo(0);
	}

	/** Decodes the booking's QR code from the SVG the server draws (one 1×1 square per dark module). */
	static String decode(String svg) throws Exception {
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).as("an SVG with a view box").isTrue();
		int size = Integer.parseInt(box.group(1));
		int scale = 4;
		int side = size * scale;
		int[] pixels = new int[side * side];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher module = MODULE.matcher(svg);
		int dark = 0;
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * side + x * scale + dx] = 0xFF000000;
				}
			}
			dark++;
		}
		assertThat(dark).as("dark modules").isPositive();
		var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
	}
}
