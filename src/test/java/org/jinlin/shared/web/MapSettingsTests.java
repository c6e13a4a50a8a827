package org.jinlin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The map settings: no tile service by default, WGS84 unless GCJ02 is named, and the origin the page may load from. */
class MapSettingsTests {

	@Test
	void noTileServiceByDefault() {
		MapSettings settings = new MapSettings(null);
		assertThat(settings.tiles().url()).isEmpty();
		assertThat(settings.tiles().crs()).isEqualTo("WGS84");
		assertThat(settings.tiles().origin()).isEmpty();
	}

	@Test
	void theCrsIsWgs84OrGcj02() {
		assertThat(new MapSettings.Tiles("https://t.example/{z}/{x}/{y}.png", "", " gcj02 ").crs()).isEqualTo("GCJ02");
		assertThatIllegalArgumentException().isThrownBy(() -> new MapSettings.Tiles("", "", "BD09"));
	}

	@Test
	void theOriginCoversTheSubdomains() {
		assertThat(new MapSettings.Tiles("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "", "").origin())
			.isEqualTo("https://*.tile.openstreetmap.org");
		assertThat(new MapSettings.Tiles("https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}", "", "GCJ02").origin())
			.isEqualTo("https://*.tianditu.gov.cn");
		assertThat(new MapSettings.Tiles("http://tiles.city.local:8080/{z}/{x}/{y}.png", "", "").origin())
			.isEqualTo("http://tiles.city.local:8080");
	}
}
