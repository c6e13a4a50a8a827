package org.jinlin.circle;

import java.time.Duration;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 15-minute circle of the demo city in a browser, as the city official, on a phone-sized screen: the coverage page
 * shows a rate and the plan target with its chart, the gap list at least one uncovered community with the categories
 * it lacks, and the map (no tiles: the test machine is offline) the communities; clicking a building draws its 15, 10
 * and 5-minute walking areas.
 */
class CircleBrowserTests extends BrowserTest {

	@Autowired
	CoverageRuns runs;

	@Autowired
	UserDetailsService users;

	/** The demo city's first coverage run is computed after start-up; wait for it as the city official. */
	@BeforeEach
	void demoRunDone() {
		DemoCoverage.awaitFirstRun(runs, users);
	}

	@Test
	void coverageGapsAndMap() throws Exception {
		signIn("city");
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(30));

		chrome.get(url("/circle"));
		assertThat(chrome.findElement(By.id("circle-rate")).getText()).matches("\\d{1,3}\\.\\d%");
		assertThat(chrome.findElement(By.id("circle-target")).getText()).contains("80.0%", "2025-12-31");
		assertThat(chrome.findElement(By.id("circle-target-status")).getText()).isIn("已达标", "未达标");
		assertThat(chrome.findElements(By.cssSelector("#circle-children tbody tr"))).isNotEmpty();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#circle-chart canvas")));
		screenshot("circle-overview");

		chrome.get(url("/circle/gaps"));
		List<WebElement> gaps = chrome.findElements(By.cssSelector("#circle-gaps-list tr.circle-gap"));
		assertThat(gaps).isNotEmpty();
		assertThat(gaps.get(0).findElements(By.cssSelector(".circle-missing-category"))).isNotEmpty();
		assertThat(gaps.get(0).findElement(By.cssSelector(".circle-missing-category")).getText()).isNotBlank();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#circle-gaps-chart canvas")));
		screenshot("circle-gaps");

		// 东街街道: a handful of communities and their buildings
		chrome.get(url("/circle/map?territory=350102004000"));
		wait.until(ExpectedConditions.attributeToBe(By.id("circle-map"), "data-ready", "true"));
		assertThat(chrome.findElements(By.cssSelector("#circle-map path.circle-community"))).isNotEmpty();
		List<WebElement> buildings = chrome.findElements(By.cssSelector("#circle-map path.circle-building"));
		assertThat(buildings).isNotEmpty();
		chrome.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));",
				buildings.get(0));
		wait.until(d -> d.findElements(By.cssSelector("#circle-map path.circle-isochrone")).size() >= 3);
		assertThat(chrome.findElements(By.cssSelector("#circle-map path.circle-isochrone-5"))).hasSize(1);
		assertThat(chrome.findElements(By.cssSelector("#circle-map path.circle-isochrone-15"))).hasSize(1);
		chrome.executeScript("document.getElementById('circle-map').scrollIntoView()");
		screenshot("circle-map-isochrone");
	}
}
