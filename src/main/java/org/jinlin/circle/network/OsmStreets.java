package org.jinlin.circle.network;

import java.nio.file.Path;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.util.CustomModel;

/**
 * A walking network from an OpenStreetMap extract, read by GraphHopper: its foot access parser decides which
 * ways pedestrians may use and in which direction ({@code foot=*}, {@code access=*}, {@code oneway:foot},
 * {@code highway=steps} with a one-way, ...). The built graph is kept in a cache folder named after the
 * extract's checksum, so an instance builds it once and later starts load it. The import also flags the streets of
 * small fragments cut off from the rest ({@code prepare.min_network_size}, per profile), which
 * {@link LoadedNetwork} never places a point on. Each street keeps its OSM road class ({@code road_class}), so the
 * elder profile can cost a flight of steps higher.
 */
public final class OsmStreets {

	private OsmStreets() {
	}

	/** GraphHopper's default: parts of the network with fewer streets than this, other than the largest, are fragments. */
	public static final int MIN_COMPONENT_SIZE = 200;

	public static LoadedNetwork load(long id, String name, Path extract, Path graphFolder, double speedKmh) {
		return load(id, name, extract, graphFolder, speedKmh, MIN_COMPONENT_SIZE);
	}

	/** The graph folder must be specific to {@code minComponentSize}: the fragments are flagged when it is built. */
	public static LoadedNetwork load(long id, String name, Path extract, Path graphFolder, double speedKmh,
			int minComponentSize) {
		GraphHopper hopper = new GraphHopper();
		hopper.setMinNetworkSize(minComponentSize);
		hopper.setOSMFile(extract.toString());
		hopper.setGraphHopperLocation(graphFolder.toString());
		hopper.setEncodedValuesString("foot_access, foot_average_speed, foot_priority, road_class");
		CustomModel model = new CustomModel()
			.addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
			.addToSpeed(Statement.If("true", Statement.Op.LIMIT, "foot_average_speed"));
		hopper.setProfiles(new Profile("foot").setCustomModel(model));
		hopper.importOrLoad();
		return new LoadedNetwork(id, name, false, hopper.getBaseGraph(),
				hopper.getEncodingManager().getBooleanEncodedValue(VehicleAccess.key("foot")),
				hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key("foot")),
				hopper.getEncodingManager().getEnumEncodedValue(RoadClass.KEY, RoadClass.class), hopper.getLocationIndex(),
				speedKmh, hopper::close);
	}
}
