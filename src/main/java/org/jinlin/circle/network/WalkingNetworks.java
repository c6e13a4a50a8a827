package org.jinlin.circle.network;

/** The walking network in use on this instance: status, isochrones, replacing it. */
public interface WalkingNetworks {

	NetworkStatus status();

	/** Walking areas (5, 10, 15 minutes) around a WGS-84 point; 404 when the point is far from any street. */
	Isochrone isochrone(double latitude, double longitude);

	/** Replace the network with an OSM extract (.osm.pbf); administrators and city officials only. */
	NetworkStatus useExtract(String fileName, byte[] content);

	/** Go back to the generated street grid; administrators and city officials only. */
	NetworkStatus useGenerated();
}
