package org.jinlin.support;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (Deque's Selenium integration, with the axe-core script it ships) on the page the browser shows and
 * fails on any violation of impact critical or serious, naming the rule, the page and the first offending elements.
 * Moderate and minor findings are not failures.
 */
public final class AccessibilityCheck {

	private static final Set<String> FAILING = Set.of("critical", "serious");

	private AccessibilityCheck() {
	}

	public static void assertAccessible(WebDriver driver) {
		String url = driver.getCurrentUrl();
		if (url == null || !url.startsWith("http")) {
			return;
		}
		String contentType = String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.contentType"));
		if (!contentType.contains("html")) {
			return;
		}
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
			.analyze(driver);
		List<Rule> failing = results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact())).toList();
		if (!failing.isEmpty()) {
			throw new AssertionError("axe-core: " + failing.size() + " critical or serious violation(s) on " + url + ":\n"
					+ failing.stream().map(AccessibilityCheck::describe).collect(Collectors.joining("\n")));
		}
	}

	private static String describe(Rule rule) {
		String targets = rule.getNodes().stream().limit(5).map(n -> String.valueOf(n.getTarget()))
			.collect(Collectors.joining(", "));
		String first = rule.getNodes().isEmpty() ? "" : "\n    first: " + rule.getNodes().get(0).getFailureSummary();
		return "  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size()
				+ " element(s): " + targets + ")" + first;
	}
}
