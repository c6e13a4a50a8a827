package org.jinlin.circle.network;

/** The walking network in use on this instance: status, isochrones, replacing it. */
public interface WalkingNetworks {

	NetworkStatus status();

	/** Walking areas (5, 10, 15 minutes) around a WGS-84 point; 404 when the point is far from any street. */
	Isochrone isochrone(double latitude, double longitude);

	/**
	 * Replace the network with an OSM extract (.osm.pbf) in the background; administrators and city officials only.
	 * The file's name, emptiness and size are checked at once (400); its content by the job, which the answer
	 * describes (follow it with {@link #job(long)}).
	 */
	NetworkJob useExtract(String fileName, byte[] content);

	/** A replacement job (staff); 404 when there is none with this id. */
	NetworkJob job(long id);

	/** The latest replacement job, running or finished (staff). */
	java.util.Optional<NetworkJob> latestJob();

	/** Go back to the generated street grid; administrators and city officials only. */
	NetworkStatus useGenerated();
}
