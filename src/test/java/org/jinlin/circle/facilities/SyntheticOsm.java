package org.jinlin.circle.facilities;

/**
 * A small OpenStreetMap file (XML) near 文儒坊社区 with shops mapped every way: a supermarket as a node inside its
 * building outline tagged the same (one place, mapped twice), a supermarket as an area only, a pharmacy as an area with
 * its main entrance mapped, a supermarket as a multipolygon of two outer ways around a courtyard (an inner ring), and a
 * pharmacy as a multipolygon whose single outer way carries the same tags. Five places, two of them mapped twice.
 */
final class SyntheticOsm {

	static final String NODE_MARKET = "永辉超市";

	static final String AREA_MARKET = "面超市";

	static final String ENTRANCE_PHARMACY = "入口药店";

	static final String RELATION_MARKET = "关系超市";

	static final String RELATION_PHARMACY = "大药房";

	/** The pharmacy's main entrance (node 302). */
	static final double ENTRANCE_LAT = 26.0870;

	static final double ENTRANCE_LON = 119.3022;

	private SyntheticOsm() {
	}

	static String xml() {
		StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n");
		node(s, 1, 26.0850, 119.3000, "shop", "supermarket", "name", NODE_MARKET);
		node(s, 2, 26.0855, 119.3005, "amenity", "bench");
		square(s, 101, 26.0849, 119.2999, 26.0851, 119.3001);
		square(s, 201, 26.0860, 119.3010, 26.0862, 119.3012);
		node(s, 301, 26.0872, 119.3020);
		node(s, 302, ENTRANCE_LAT, ENTRANCE_LON, "entrance", "main");
		node(s, 303, 26.0870, 119.3020);
		node(s, 304, 26.0872, 119.3022);
		node(s, 305, 26.0871, 119.3020, "entrance", "yes");
		// the multipolygon's outer ring in two halves, and its courtyard
		node(s, 401, 26.0880, 119.3030);
		node(s, 402, 26.0880, 119.3040);
		node(s, 403, 26.0890, 119.3040);
		node(s, 404, 26.0890, 119.3030);
		square(s, 431, 26.0882, 119.3032, 26.0888, 119.3038);
		square(s, 511, 26.0900, 119.3050, 26.0902, 119.3052);
		node(s, 601, 26.0910, 119.3060);
		node(s, 602, 26.0911, 119.3061);
		way(s, 10, new long[] { 101, 102, 103, 104, 101 }, "building", "retail", "shop", "supermarket", "name", NODE_MARKET);
		way(s, 20, new long[] { 201, 202, 203, 204, 201 }, "shop", "supermarket", "name", AREA_MARKET);
		way(s, 30, new long[] { 303, 302, 304, 301, 305, 303 }, "amenity", "pharmacy", "name", ENTRANCE_PHARMACY);
		way(s, 41, new long[] { 401, 402, 403 });
		way(s, 42, new long[] { 403, 404, 401 });
		way(s, 43, new long[] { 431, 432, 433, 434, 431 });
		way(s, 51, new long[] { 511, 512, 513, 514, 511 }, "amenity", "pharmacy", "name", RELATION_PHARMACY);
		way(s, 60, new long[] { 601, 602 }, "highway", "footway");
		s.append("  <relation id=\"40\" version=\"1\">\n")
			.append("    <member type=\"way\" ref=\"41\" role=\"outer\"/>\n")
			.append("    <member type=\"way\" ref=\"42\" role=\"outer\"/>\n")
			.append("    <member type=\"way\" ref=\"43\" role=\"inner\"/>\n");
		tags(s, "type", "multipolygon", "shop", "supermarket", "name", RELATION_MARKET);
		s.append("  </relation>\n  <relation id=\"50\" version=\"1\">\n")
			.append("    <member type=\"way\" ref=\"51\" role=\"outer\"/>\n");
		tags(s, "type", "multipolygon", "amenity", "pharmacy", "name", RELATION_PHARMACY);
		s.append("  </relation>\n</osm>\n");
		return s.toString();
	}

	/** Four corner nodes first, first + 1, ... (south-west, south-east, north-east, north-west). */
	private static void square(StringBuilder s, long first, double south, double west, double north, double east) {
		node(s, first, south, west);
		node(s, first + 1, south, east);
		node(s, first + 2, north, east);
		node(s, first + 3, north, west);
	}

	private static void node(StringBuilder s, long id, double lat, double lon, String... kv) {
		s.append("  <node id=\"").append(id).append("\" version=\"1\" lat=\"").append(lat).append("\" lon=\"").append(lon);
		if (kv.length == 0) {
			s.append("\"/>\n");
			return;
		}
		s.append("\">\n");
		tags(s, kv);
		s.append("  </node>\n");
	}

	private static void way(StringBuilder s, long id, long[] refs, String... kv) {
		s.append("  <way id=\"").append(id).append("\" version=\"1\">\n");
		for (long r : refs) {
			s.append("    <nd ref=\"").append(r).append("\"/>\n");
		}
		tags(s, kv);
		s.append("  </way>\n");
	}

	private static void tags(StringBuilder s, String... kv) {
		for (int i = 0; i + 1 < kv.length; i += 2) {
			s.append("    <tag k=\"").append(kv[i]).append("\" v=\"").append(kv[i + 1]).append("\"/>\n");
		}
	}
}
