package org.jinlin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The navbar grouped by task: at 1280, 1366 and 1920 px it is one row, and at phone width (390 px) the opened menu
 * lists every entry; at every width no label wraps (no "公/开/栏" stacked one character a line). A group's dropdown
 * lists only what the account may open. Screenshots at 1366 px of the staff and the official navbars are kept in
 * {@code target/screenshots/navbar-staff-1366.png} and {@code navbar-official-1366.png}.
 */
class NavbarBrowserTests extends BrowserTest {

	/** For every visible navbar label: its text, the number of lines it takes, and its box. */
	static final String LABEL_LINES = """
			var out = [];
			document.querySelectorAll('nav.jl-nav .nav-link, nav.jl-nav .navbar-brand, nav.jl-nav .dropdown-item')
			  .forEach(function (el) {
			    var box = el.getBoundingClientRect();
			    if (box.width === 0 || box.height === 0) return;
			    var range = document.createRange(); range.selectNodeContents(el);
			    var rects = Array.prototype.filter.call(range.getClientRects(), function (r) { return r.width > 0; })
			      .sort(function (a, b) { return a.top - b.top; });
			    var lines = 0, bottom = -Infinity;
			    rects.forEach(function (r) {
			      if (r.top >= bottom - 1) { lines++; bottom = r.bottom; } else { bottom = Math.max(bottom, r.bottom); }
			    });
			    out.push({text: el.textContent.trim(), lines: lines, top: box.top, height: box.height});
			  });
			return out;""";

	/** The top-level items of the expanded navbar: their tops and heights. */
	private static final String TOP_ITEMS = """
			return Array.prototype.map.call(document.querySelectorAll('#jl-menu > ul > li'), function (li) {
			  var r = li.getBoundingClientRect(); return {top: r.top, height: r.height, bottom: r.bottom};
			}).filter(function (b) { return b.height > 0; });""";

	@ParameterizedTest(name = "{0} at {1} px")
	@CsvSource({ "junmen, 1366", "junmen, 1280", "junmen, 1920", "gulou, 1366", "gulou, 1280", "gulou, 1920",
			"city, 1366", "city, 1280", "dongjie, 1280", "resident1, 1280" })
	void theDesktopNavbarIsOneRowAndNoLabelWraps(String user, int width) throws Exception {
		chrome.manage().window().setSize(new Dimension(width, 768));
		signIn(user);
		chrome.get(url("/"));
		assertNoLabelWraps(user, width);
		List<Map<String, Object>> items = items(TOP_ITEMS);
		assertThat(items).isNotEmpty();
		double firstTop = items.stream().mapToDouble(b -> num(b, "top")).min().orElseThrow();
		double lowestTop = items.stream().mapToDouble(b -> num(b, "top")).max().orElseThrow();
		double shortest = items.stream().mapToDouble(b -> num(b, "height")).min().orElseThrow();
		assertThat(lowestTop - firstTop).as("%s at %d px: every navbar item on the first row", user, width)
			.isLessThan(shortest);
		double navHeight = ((Number) chrome.executeScript(
				"return document.querySelector('nav.jl-nav').getBoundingClientRect().height;")).doubleValue();
		assertThat(navHeight).as("%s at %d px: navbar height", user, width).isLessThan(90);

		// every group opens and its entries are one line each
		for (WebElement summary : chrome.findElements(By.cssSelector("#jl-menu details.jl-nav-group > summary"))) {
			summary.click();
			assertNoLabelWraps(user, width);
		}
		if (width == 1366 && !user.equals("resident1")) {
			// close the groups again (a click on the page's middle could follow an overview tile's link)
			chrome.executeScript("document.querySelectorAll('details[open]').forEach(function (d) { d.open = false; });");
			assertThat(chrome.getCurrentUrl()).endsWith("/");
			String name = user.equals("junmen") ? "navbar-staff-1366" : user.equals("gulou") ? "navbar-official-1366"
					: "navbar-" + user + "-1366";
			screenshot(name);
			// the same navbar with its first group open, to show the grouping
			chrome.findElement(By.cssSelector("#jl-menu details.jl-nav-group > summary")).click();
			screenshot(name + "-open");
			assertThat(Files.size(Path.of("target", "screenshots", name + ".png"))).isPositive();
		}
	}

	@ParameterizedTest(name = "{0} at phone width")
	@CsvSource({ "junmen", "gulou", "resident1" })
	void thePhoneMenuListsEveryEntryOnOneLine(String user) throws Exception {
		chrome.manage().window().setSize(new Dimension(390, 844));
		signIn(user);
		chrome.get(url("/"));
		click(By.cssSelector("nav.jl-nav .navbar-toggler"));
		assertThat(chrome.findElement(By.id("jl-menu")).isDisplayed()).isTrue();
		for (WebElement summary : chrome.findElements(By.cssSelector("#jl-menu details.jl-nav-group > summary"))) {
			chrome.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary);
			assertNoLabelWraps(user, 390);
		}
		screenshot("navbar-" + user + "-390");
	}

	@ParameterizedTest(name = "{0}: the groups offer only what the account may open")
	@CsvSource({ "junmen", "resident1" })
	void groupsOfferOnlyPermittedPages(String user) {
		chrome.manage().window().setSize(new Dimension(1366, 768));
		signIn(user);
		chrome.get(url("/"));
		List<String> links = chrome.findElements(By.cssSelector("#jl-menu a.nav-link, #jl-menu a.dropdown-item"))
			.stream()
			.map(a -> a.getDomAttribute("href"))
			.toList();
		if (user.equals("junmen")) {
			assertThat(links).contains("/demands/queue", "/residents", "/alarms/desk", "/public/board")
				.doesNotContain("/admin/accounts", "/demands/new");
		}
		else {
			assertThat(links).contains("/demands/new", "/demands/mine", "/help")
				.doesNotContain("/demands/queue", "/residents", "/admin/accounts");
		}
		// the account's own menu: display name, 长辈模式, language, sign-out
		chrome.findElement(By.cssSelector("details.jl-account-menu > summary")).click();
		assertThat(chrome.findElement(By.cssSelector("details.jl-account-menu .jl-af-toggle")).isDisplayed()).isTrue();
		assertThat(chrome.findElement(By.cssSelector("details.jl-account-menu .jl-logout")).isDisplayed()).isTrue();
	}

	private void assertNoLabelWraps(String user, int width) {
		if (width >= 1200) {
			assertThat(((Number) chrome.executeScript(
					"var c = document.querySelector('nav.jl-nav .container-fluid'); return c.scrollWidth - c.clientWidth;"))
				.intValue()).as("%s at %d px: the navbar fits the window", user, width).isLessThanOrEqualTo(0);
		}
		for (Map<String, Object> label : items(LABEL_LINES)) {
			assertThat(((Number) label.get("lines")).intValue())
				.as("%s at %d px: '%s' on one line", user, width, label.get("text"))
				.isEqualTo(1);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(String script) {
		return (List<Map<String, Object>>) chrome.executeScript(script);
	}

	private static double num(Map<String, Object> box, String key) {
		return ((Number) box.get(key)).doubleValue();
	}
}
