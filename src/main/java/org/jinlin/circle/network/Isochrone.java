package org.jinlin.circle.network;

import java.util.List;

/**
 * The walking area around a point: one polygon per band (5, 10, 15 minutes by default).
 *
 * @param accessMetres straight-line metres from the point to the street it is reached from
 * @param bands smallest first
 */
public record Isochrone(double latitude, double longitude, double accessMetres, List<Band> bands) {

	/** @param geometry a GeoJSON geometry (Polygon or MultiPolygon) in WGS-84 */
	public record Band(int minutes, String geometry, int junctions) {
	}
}
