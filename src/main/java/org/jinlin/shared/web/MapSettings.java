package org.jinlin.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Maps on every page ({@code jinlin.maps.*}, see application.yml). Without a tile service (the default) maps
 * show only the platform's own basemap and no request leaves for any tile server.
 *
 * @param tiles the optional tile service
 */
@ConfigurationProperties("jinlin.maps")
public record MapSettings(Tiles tiles) {

	/**
	 * @param url tile URL template, e.g. {@code https://t0.tianditu.gov.cn/...{z}/{x}/{y}}; empty for none
	 * @param attribution shown in the map's corner
	 * @param crs {@code WGS84} or {@code GCJ02} (天地图/高德 style services); the platform's WGS-84 points are shifted
	 *        into GCJ-02 when drawn over GCJ-02 tiles
	 */
	public record Tiles(String url, String attribution, String crs) {

		public Tiles {
			url = url == null ? "" : url.trim();
			attribution = attribution == null ? "" : attribution.trim();
			crs = crs == null || crs.isBlank() ? "WGS84" : crs.trim().toUpperCase(java.util.Locale.ROOT);
			if (!crs.equals("WGS84") && !crs.equals("GCJ02")) {
				throw new IllegalArgumentException("jinlin.maps.tiles.crs must be WGS84 or GCJ02, not " + crs);
			}
		}

		/** The tile server's origin (scheme and host, subdomain placeholders widened), for the content security policy. */
		public String origin() {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://)([^/]+)").matcher(url);
			if (!m.find()) {
				return "";
			}
			String host = m.group(2).replaceAll("^\\{s\\}\\.|^[^.]*\\{[^}]*\\}[^.]*\\.", "*.");
			return m.group(1) + host;
		}
	}

	public MapSettings {
		tiles = tiles == null ? new Tiles("", "", "WGS84") : tiles;
	}
}
