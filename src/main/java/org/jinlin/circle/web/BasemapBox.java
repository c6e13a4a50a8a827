package org.jinlin.circle.web;

/**
 * The box and zoom a basemap request asks for, checked (Spring-free): {@code bbox=west,south,east,north} in WGS-84
 * degrees (Leaflet's {@code toBBoxString()} order) and a map zoom 0..22. The box may span at most 32 map tiles at
 * that zoom (and never more than 4 degrees), so a response stays small whatever the client asks.
 */
record BasemapBox(double west, double south, double east, double north, int zoom) {

	static final int MAX_ZOOM = 22;

	static final double MAX_DEGREES = 4;

	/** Zoom from which streets are drawn, and from which they carry their full shape. */
	static final int STREETS_FROM = 13;

	static final int STREET_SHAPES_FROM = 16;

	static final int BUILDINGS_FROM = 15;

	/** The box, or {@link IllegalArgumentException} for a malformed or too large one. */
	static BasemapBox parse(String bbox, String zoom) {
		if (bbox == null || zoom == null) {
			throw new IllegalArgumentException("missing");
		}
		String[] parts = bbox.split(",");
		if (parts.length != 4) {
			throw new IllegalArgumentException("malformed");
		}
		double[] v = new double[4];
		for (int i = 0; i < 4; i++) {
			try {
				v[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("malformed");
			}
			if (!Double.isFinite(v[i])) {
				throw new IllegalArgumentException("malformed");
			}
		}
		int z;
		try {
			z = Integer.parseInt(zoom.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("malformed");
		}
		if (z < 0 || z > MAX_ZOOM || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] >= v[2]
				|| v[1] >= v[3]) {
			throw new IllegalArgumentException("malformed");
		}
		BasemapBox box = new BasemapBox(v[0], v[1], v[2], v[3], z);
		if (box.east - box.west > box.maxSpan() || box.north - box.south > box.maxSpan()) {
			throw new IllegalArgumentException("too large");
		}
		return box;
	}

	/** Widest side allowed at this zoom, in degrees: 32 tiles of 360 / 2^zoom degrees, at most 4 degrees. */
	double maxSpan() {
		return Math.min(MAX_DEGREES, 32 * 360.0 / Math.pow(2, zoom));
	}

	boolean streets() {
		return zoom >= STREETS_FROM;
	}

	boolean streetShapes() {
		return zoom >= STREET_SHAPES_FROM;
	}

	boolean buildings() {
		return zoom >= BUILDINGS_FROM;
	}
}
