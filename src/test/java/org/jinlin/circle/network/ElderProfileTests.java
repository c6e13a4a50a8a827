package org.jinlin.circle.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.RAMDirectory;
import com.graphhopper.storage.index.LocationIndexTree;
import org.junit.jupiter.api.Test;

/**
 * The elder walking profile on a synthetic graph: two walks of the same length, 0 - 1 - 2 over a flight of steps in
 * the middle and 3 - 4 - 5 on level footways. At the standard pace both take the same time; at the elder pace both
 * take longer, and the one with steps longer still (the steps at a third of the elder pace).
 */
class ElderProfileTests {

	static final double LAT0 = SyntheticStreets.LAT0;

	final BooleanEncodedValue foot = VehicleAccess.create("foot");

	final EnumEncodedValue<RoadClass> roadClass = RoadClass.create();

	final BaseGraph graph = new BaseGraph.Builder(EncodingManager.start().add(foot).add(roadClass).build())
		.setDir(new RAMDirectory())
		.create();

	ElderProfileTests() {
		NodeAccess na = graph.getNodeAccess();
		for (int i = 0; i < 3; i++) {
			na.setNode(i, SyntheticStreets.lat(0), SyntheticStreets.lon(i * 40));
			na.setNode(3 + i, SyntheticStreets.lat(200), SyntheticStreets.lon(i * 40));
		}
		way(0, 1, RoadClass.FOOTWAY);
		way(1, 2, RoadClass.STEPS);
		way(3, 4, RoadClass.FOOTWAY);
		way(4, 5, RoadClass.FOOTWAY);
	}

	private void way(int from, int to, RoadClass kind) {
		graph.edge(from, to).setDistance(40).set(foot, true, true).set(roadClass, kind);
	}

	static int walk(WalkGraph walk, int from, int to) {
		return new WalkSearch(walk).from(new int[] { from }, new int[] { 0 }, Integer.MAX_VALUE / 2).cost(to);
	}

	@Test
	void aFlightOfStepsCostsTheElderProfileMoreThanTheSameLengthOnLevelGround() {
		WalkGraph standard = WalkGraph.of(graph, foot, 4.0);
		WalkGraph elder = WalkGraph.of(graph, foot, 3.0, roadClass, 3.0);

		// standard: 80 m at 4 km/h either way, steps or not
		assertThat(walk(standard, 0, 2)).isEqualTo(walk(standard, 3, 5)).isEqualTo(72_000);
		// elder, level: 80 m at 3 km/h
		assertThat(walk(elder, 3, 5)).isEqualTo(96_000);
		// elder, with 40 m of steps at a third of 3 km/h: 48 s + 144 s
		assertThat(walk(elder, 0, 2)).isEqualTo(48_000 + 144_000);
		assertThat(walk(elder, 0, 2)).isGreaterThan(walk(elder, 3, 5)).isGreaterThan(walk(standard, 0, 2));
		// both directions of the steps
		assertThat(walk(elder, 2, 0)).isEqualTo(walk(elder, 0, 2));
	}

	@Test
	void aNetworksElderViewWalksSlowerFromTheSamePlaces() throws Exception {
		LocationIndexTree index = new LocationIndexTree(graph, new RAMDirectory());
		index.prepareIndex();
		try (LoadedNetwork network = new LoadedNetwork(1, "steps", false, graph, foot, null, roadClass, index, 4.0, null)) {
			assertThat(network.forProfile(WalkingProfile.STANDARD, 3.0, 3.0)).isSameAs(network);
			LoadedNetwork elder = network.forProfile(WalkingProfile.ELDER, 3.0, 3.0);
			assertThat(elder.walk().speedKmh()).isEqualTo(3.0);
			assertThat(network.steps(1)).isTrue();
			assertThat(network.steps(0)).isFalse();
			// a point 10 m south of the middle of 0 - 1 is placed on the same street, reached at the elder pace
			double lat = SyntheticStreets.lat(-10);
			double lon = SyntheticStreets.lon(20);
			LoadedNetwork.Placement standardAt = network.origin(lat, lon, 100);
			LoadedNetwork.Placement elderAt = elder.origin(lat, lon, 100);
			assertThat(elderAt.edge()).isEqualTo(standardAt.edge());
			assertThat(elderAt.millisA()).isGreaterThan(standardAt.millisA());
			assertThat(elderAt.millisA()).isEqualTo(WalkGraph.millis(standardAt.accessMetres() + standardAt.alongMetres(), 3.0));
		}
	}
}
