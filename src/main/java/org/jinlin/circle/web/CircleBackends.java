package org.jinlin.circle.web;

import java.util.List;
import java.util.Optional;

import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.coverage.Suggestion;
import org.jinlin.circle.coverage.Suggestions;
import org.jinlin.circle.network.Isochrone;
import org.jinlin.circle.network.NetworkStatus;
import org.jinlin.circle.network.WalkingNetworks;
import org.springframework.stereotype.Component;

/** The walking network, the coverage runs and the suggestions, as the pages and the API use them. */
@Component
class CircleBackends {

	private final WalkingNetworks networks;

	private final CoverageRuns runs;

	private final Suggestions suggestions;

	CircleBackends(WalkingNetworks networks, CoverageRuns runs, Suggestions suggestions) {
		this.networks = networks;
		this.runs = runs;
		this.suggestions = suggestions;
	}

	Optional<RunView> latest() {
		return runs.latest();
	}

	Optional<RunView> current() {
		return runs.current();
	}

	Optional<RunView> find(long id) {
		return runs.find(id);
	}

	RunView request(String reason) {
		return runs.request(reason);
	}

	/** The network in use. */
	Optional<NetworkStatus> network() {
		return Optional.ofNullable(networks.status());
	}

	Isochrone isochrone(double latitude, double longitude) {
		return networks.isochrone(latitude, longitude);
	}

	NetworkStatus useExtract(String fileName, byte[] content) {
		return networks.useExtract(fileName, content);
	}

	NetworkStatus useGenerated() {
		return networks.useGenerated();
	}

	List<Suggestion> suggest(String category, String territoryPath, int count) {
		return suggestions.suggest(category, territoryPath, count);
	}
}
