package org.jinlin.carefacilities;

import java.time.Duration;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's facility page on a phone-sized screen: the figures, the charts and the map drawn by the page's
 * script (the map tiles are not reachable from the test machine: the points must show anyway), and an htmx filter.
 */
class FacilityBrowserTests extends BrowserTest {

	@Test
	void theCityPageDrawsChartsAndMapAndFilters() throws Exception {
		signIn("city");
		chrome.get(url("/eldercare/facilities"));
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
		assertThat(chrome.findElement(By.id("stat-bedsPerThousand")).getText()).isEqualTo("39.6");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#facility-kind-chart canvas")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#facility-child-chart canvas")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#facility-map canvas.leaflet-zoom-animated")));
		screenshot("facilities-city");
		chrome.executeScript("window.scrollTo(0, document.getElementById('facility-child-chart').getBoundingClientRect().top + window.scrollY - 40)");
		screenshot("facilities-city-charts");
		chrome.executeScript("window.scrollTo(0, document.getElementById('facility-map').getBoundingClientRect().top + window.scrollY - 40)");
		screenshot("facilities-city-map");

		new Select(chrome.findElement(By.id("q-kind"))).selectByValue("RURAL_HAPPINESS_HOME");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facility-total"), "1,838"));
		assertThat(chrome.findElements(By.cssSelector("#facility-table tbody tr td:nth-child(2)")))
			.allSatisfy(td -> assertThat(td.getText()).isEqualTo("农村幸福院"));
		screenshot("facilities-happiness-homes");

		click(By.cssSelector("#facility-table tbody tr a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("facility-name")));
		assertThat(chrome.findElement(By.id("facility-kind")).getText()).isEqualTo("农村幸福院");
		screenshot("facility-detail");
	}
}
