package org.jinlin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 长辈模式 enlarges every text and control, not just the body: headings, small print, form fields and their labels,
 * buttons (small ones too), table cells, badges and the navbar are each at least a quarter larger than in the standard
 * mode, and the navbar still keeps every label on one line at 1366 px. Turned on from the account's own menu, it is
 * kept on the account: a new browser session of the same account starts in it.
 */
class AgeFriendlyBrowserTests extends BrowserTest {

	static final String USER = "dongjie";

	/** The computed font size of the first visible element of each kind on the page (absent kinds left out). */
	static final String SIZES = """
			var kinds = {h1: 'main h1', body: 'main p, main td, main li', small: 'main small, main .small, main .form-text',
			  field: 'main .form-control, main .form-select', label: 'main .form-label', button: 'main .btn',
			  cell: 'main td', badge: '.badge', nav: 'nav.jl-nav .nav-link'};
			var out = {};
			Object.keys(kinds).forEach(function (k) {
			  var el = Array.prototype.find.call(document.querySelectorAll(kinds[k]), function (e) {
			    var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0;
			  });
			  if (el) out[k] = parseFloat(getComputedStyle(el).fontSize);
			});
			return out;""";

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void standardAgain() {
		jdbc.sql("UPDATE account SET age_friendly = NULL, preferred_language = NULL WHERE username = ?").param(USER).update();
	}

	@Test
	void everyTextAndControlIsLargerAndTheModeFollowsTheAccount() throws Exception {
		chrome.manage().window().setSize(new Dimension(1366, 768));
		signIn(USER);
		chrome.get(url("/demands?overdue=true"));
		Map<String, Number> standard = sizes();
		assertThat(standard).containsKeys("h1", "field", "label", "button", "nav");

		// on from the account's own menu
		chrome.findElement(By.cssSelector("details.jl-account-menu > summary")).click();
		chrome.findElement(By.cssSelector("details.jl-account-menu .jl-af-toggle")).click();
		// the toggle is a form: the page is replaced, so the mode is read from whichever page is there until it shows
		pageIsAgeFriendly();
		chrome.get(url("/demands?overdue=true"));
		Map<String, Number> large = sizes();
		// the page's rows come from the database the browser tests share, so the standard sizes to compare with are
		// measured on this very page (same rows, same badges) with the mode's class taken off for a moment
		chrome.executeScript("document.documentElement.classList.remove('age-friendly');");
		standard = sizes();
		chrome.executeScript("document.documentElement.classList.add('age-friendly');");
		assertThat(large).as("the same elements are measured in both modes").containsOnlyKeys(standard.keySet());
		for (String kind : standard.keySet()) {
			assertThat(large.get(kind).doubleValue()).as(kind + " in 长辈模式")
				.isGreaterThanOrEqualTo(standard.get(kind).doubleValue() * 1.25);
		}
		assertThat(large.get("field").doubleValue()).as("form fields").isGreaterThanOrEqualTo(24);
		screenshot("age-friendly-demands-1366");
		noNavbarLabelWraps();

		// a new session of the same account (another device: no cookies) starts in 长辈模式
		signIn(USER);
		pageIsAgeFriendly();
	}

	private void pageIsAgeFriendly() {
		new WebDriverWait(chrome, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.withMessage("the page shows 长辈模式")
			.until(d -> String.valueOf(d.findElement(By.tagName("html")).getDomAttribute("class")).contains("age-friendly"));
	}

	private void noNavbarLabelWraps() {
		assertThat(((Number) chrome.executeScript(
				"var c = document.querySelector('nav.jl-nav .container-fluid'); return c.scrollWidth - c.clientWidth;"))
			.intValue()).as("the navbar fits the window").isLessThanOrEqualTo(0);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> labels = (List<Map<String, Object>>) chrome.executeScript(NavbarBrowserTests.LABEL_LINES);
		for (Map<String, Object> label : labels) {
			assertThat(((Number) label.get("lines")).intValue()).as("'%s' on one line", label.get("text")).isLessThanOrEqualTo(1);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Number> sizes() {
		return (Map<String, Number>) chrome.executeScript(SIZES);
	}
}
