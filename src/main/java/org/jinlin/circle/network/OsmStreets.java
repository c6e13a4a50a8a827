package org.jinlin.circle.network;

import java.nio.file.Path;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.util.CustomModel;

/**
 * A walking network from an OpenStreetMap extract, read by GraphHopper: its foot access parser decides which
 * ways pedestrians may use and in which direction ({@code foot=*}, {@code access=*}, {@code oneway:foot},
 * {@code highway=steps} with a one-way, ...). The built graph is kept in a cache folder named after the
 * extract's checksum, so an instance builds it once and later starts load it.
 */
public final class OsmStreets {

	private OsmStreets() {
	}

	public static LoadedNetwork load(long id, String name, Path extract, Path graphFolder, double speedKmh) {
		GraphHopper hopper = new GraphHopper();
		hopper.setOSMFile(extract.toString());
		hopper.setGraphHopperLocation(graphFolder.toString());
		hopper.setEncodedValuesString("foot_access, foot_average_speed, foot_priority");
		CustomModel model = new CustomModel()
			.addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"))
			.addToSpeed(Statement.If("true", Statement.Op.LIMIT, "foot_average_speed"));
		hopper.setProfiles(new Profile("foot").setCustomModel(model));
		hopper.importOrLoad();
		return new LoadedNetwork(id, name, false, hopper.getBaseGraph(),
				hopper.getEncodingManager().getBooleanEncodedValue(VehicleAccess.key("foot")), hopper.getLocationIndex(),
				speedKmh, hopper::close);
	}
}
