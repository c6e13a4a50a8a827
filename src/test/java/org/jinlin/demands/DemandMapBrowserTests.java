package org.jinlin.demands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jinlin.circle.facilities.CoordinateSystems;
import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demand form's map with no tile service configured and the tile servers blocked (as offline): the platform's
 * own basemap is drawn (streets, community points and buildings as vector paths), clicking the map fills the
 * lat/lon fields, and no request went to any tile server. The page's GCJ-02 shift (jinlinMap, used over Chinese tile
 * services) agrees with the server's {@link CoordinateSystems}.
 */
class DemandMapBrowserTests extends BrowserTest {

	@Test
	void theFormsMapDrawsThePlatformsBasemapAndPicksAPointWithoutAnyTileServer() throws Exception {
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.setBlockedURLs",
				Map.of("urls", List.of("*tile*", "*openstreetmap*", "*tianditu*", "*amap*")));
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(60));
		signIn("resident1");
		chrome.get(url("/demands/new"));
		WebElement map = chrome.findElement(By.id("demand-map"));
		wait.until(d -> "drawn".equals(map.getDomAttribute("data-basemap")));
		Number paths = (Number) chrome.executeScript(
				"return document.querySelectorAll('#demand-map .leaflet-jlBasemap-pane path').length;");
		assertThat(paths.intValue()).as("basemap paths").isPositive();
		Number streets = (Number) chrome.executeScript(
				"return document.querySelectorAll('#demand-map path.jl-basemap-street').length;");
		assertThat(streets.intValue()).as("streets of the walking network").isPositive();
		// no tile layer at all
		assertThat(chrome.findElements(By.cssSelector("#demand-map .leaflet-tile-pane img"))).isEmpty();

		chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
		// a click at the middle of the map's visible part, dispatched to whatever is drawn there (a basemap street or
		// square lets it through to the map), as the other map tests click
		chrome.executeScript("var r = arguments[0].getBoundingClientRect();"
				+ " var x = (r.left + Math.min(r.right, document.documentElement.clientWidth)) / 2, y = r.top + r.height / 2;"
				+ " var el = document.elementFromPoint(x, y) || arguments[0];"
				+ " ['mousedown', 'mouseup', 'click'].forEach(function (t) { el.dispatchEvent(new MouseEvent(t,"
				+ " { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 })); });", map);
		wait.until(d -> !d.findElement(By.id("demand-lat")).getDomProperty("value").isEmpty());
		double lat = Double.parseDouble(chrome.findElement(By.id("demand-lat")).getDomProperty("value"));
		double lon = Double.parseDouble(chrome.findElement(By.id("demand-lon")).getDomProperty("value"));
		// the map opens on Gulou (26.0805, 119.2965) at street level: the picked point is close by
		assertThat(lat).isCloseTo(26.0805, within(0.01));
		assertThat(lon).isCloseTo(119.2965, within(0.01));
		assertThat(chrome.findElement(By.id("location-MAP")).isSelected()).isTrue();
		assertThat(chrome.findElements(By.cssSelector("#demand-map .leaflet-overlay-pane path"))).isNotEmpty();
		screenshot("demand-map-offline-basemap");

		@SuppressWarnings("unchecked")
		List<String> requested = (List<String>) chrome.executeScript(
				"return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
		assertThat(requested).anyMatch(u -> u.contains("/maps/basemap?"));
		assertThat(requested).noneMatch(u -> u.toLowerCase().contains("tile") || u.contains("openstreetmap"));
	}

	@Test
	void thePagesGcj02ShiftIsTheServersTransform() {
		signIn("resident1");
		chrome.get(url("/demands/new"));
		for (double[] p : new double[][] { { 26.0805, 119.2965 }, { 39.9087, 116.3975 }, { 22.5431, 114.0579 } }) {
			@SuppressWarnings("unchecked")
			List<Number> gcj = (List<Number>) chrome.executeScript("return jinlinMap.toGcj02(arguments[0], arguments[1]);",
					p[0], p[1]);
			double[] expected = CoordinateSystems.wgs84ToGcj02(p[0], p[1]);
			assertThat(gcj.get(0).doubleValue()).isCloseTo(expected[0], within(1e-9));
			assertThat(gcj.get(1).doubleValue()).isCloseTo(expected[1], within(1e-9));
			// a few hundred metres in China, and back again to the centimetre
			assertThat(Math.abs(expected[1] - p[1]) + Math.abs(expected[0] - p[0])).isGreaterThan(0.001);
			@SuppressWarnings("unchecked")
			List<Number> back = (List<Number>) chrome.executeScript(
					"return jinlinMap.fromGcj02(arguments[0], arguments[1]);", expected[0], expected[1]);
			assertThat(back.get(0).doubleValue()).isCloseTo(p[0], within(1e-7));
			assertThat(back.get(1).doubleValue()).isCloseTo(p[1], within(1e-7));
		}
		// outside China GCJ-02 is WGS-84
		@SuppressWarnings("unchecked")
		List<Number> paris = (List<Number>) chrome.executeScript("return jinlinMap.toGcj02(48.8566, 2.3522);");
		assertThat(paris.get(0).doubleValue()).isEqualTo(48.8566);
	}
}
