package org.jinlin.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.support.BrowserTest;
import org.jinlin.support.DemoCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The cockpit in a browser, on a phone-sized screen: the city official sees the circle's coverage against the plan's
 * 80%, goes down to 晋安区 by its row in the ranking, opens the communities the figure counts and one that is not
 * covered; the 鼓楼区 official cannot open 晋安区.
 */
class QualityBrowserTests extends BrowserTest {

	@Autowired
	CoverageRuns runs;

	@Autowired
	UserDetailsService users;

	/** The demo city's first coverage run is computed after start-up; the circle's figure comes from it. */
	@BeforeEach
	void demoRunDone() {
		DemoCoverage.awaitFirstRun(runs, users);
	}

	@Test
	void theCityOfficialDrillsFromTheCircleTargetToAnUncoveredCommunityOfJinan() throws Exception {
		signIn("city");
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
		chrome.get(url("/quality"));
		WebElement circle = chrome.findElement(By.id("indicator-circle.urban-coverage"));
		assertThat(circle.getText()).contains("80.0%").containsAnyOf("达标", "未达标");
		screenshot("quality-city");

		click(By.cssSelector("#rank-350111 a"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "晋安区"));
		screenshot("quality-jinan");

		click(By.cssSelector("#indicator-circle\\.urban-coverage td:nth-child(3) a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quality-records")));
		WebElement uncovered = chrome.findElements(By.cssSelector("#quality-records tbody tr")).stream()
			.filter(tr -> tr.getText().contains("不符合"))
			.findFirst()
			.orElseThrow();
		String community = uncovered.findElement(By.cssSelector("td:nth-child(1) a")).getText().replaceAll(" #\\d+$", "");
		screenshot("quality-jinan-communities");
		click(By.cssSelector("#quality-records tbody tr:nth-child(" + (chrome.findElements(By.cssSelector("#quality-records tbody tr"))
			.indexOf(uncovered) + 1) + ") td:nth-child(1) a"));
		wait.until(ExpectedConditions.urlContains("/circle/communities/"));
		assertThat(chrome.findElement(By.tagName("h1")).getText()).contains(community);

		signIn("gulou");
		chrome.get(url("/quality"));
		assertThat(chrome.findElements(By.id("rank-350111"))).isEmpty();
		chrome.get(url("/quality?territory=350111"));
		assertThat(chrome.findElement(By.tagName("body")).getText()).contains("页面不存在").doesNotContain("晋安区");
	}
}
