package org.jinlin.circle.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.coverage.Suggestion;
import org.jinlin.circle.coverage.Suggestions;
import org.jinlin.circle.network.Isochrone;
import org.jinlin.circle.network.NetworkStatus;
import org.jinlin.circle.network.WalkingNetworks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The walking network, the coverage runs and the suggestions as the pages use them. The runs' reads fall back to the
 * run table when no {@link CoverageRuns} is deployed, so the result pages work on any instance that has results;
 * everything else answers 503 until its service is there.
 */
@Component
class CircleBackends {

	private final ObjectProvider<WalkingNetworks> networks;

	private final ObjectProvider<CoverageRuns> runs;

	private final ObjectProvider<Suggestions> suggestions;

	private final JdbcClient jdbc;

	CircleBackends(ObjectProvider<WalkingNetworks> networks, ObjectProvider<CoverageRuns> runs,
			ObjectProvider<Suggestions> suggestions, JdbcClient jdbc) {
		this.networks = networks;
		this.runs = runs;
		this.suggestions = suggestions;
		this.jdbc = jdbc;
	}

	Optional<RunView> latest() {
		return runs(CoverageRuns::latest, () -> run("status = 'DONE'"));
	}

	Optional<RunView> current() {
		return runs(CoverageRuns::current, () -> run("status IN ('QUEUED','RUNNING')"));
	}

	Optional<RunView> find(long id) {
		return runs(r -> r.find(id), () -> run("id = " + id));
	}

	RunView request(String reason) {
		return call(runs, r -> r.request(reason));
	}

	/** The network in use, empty when none is set up (or the service is missing). */
	Optional<NetworkStatus> network() {
		WalkingNetworks n = networks.getIfAvailable();
		if (n == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(n.status());
		}
		catch (UnsupportedOperationException e) {
			return Optional.empty();
		}
	}

	Isochrone isochrone(double latitude, double longitude) {
		return call(networks, n -> n.isochrone(latitude, longitude));
	}

	NetworkStatus useExtract(String fileName, byte[] content) {
		return call(networks, n -> n.useExtract(fileName, content));
	}

	NetworkStatus useGenerated() {
		return call(networks, WalkingNetworks::useGenerated);
	}

	List<Suggestion> suggest(String category, String territoryPath, int count) {
		return call(suggestions, s -> s.suggest(category, territoryPath, count));
	}

	private Optional<RunView> runs(Function<CoverageRuns, Optional<RunView>> read,
			java.util.function.Supplier<Optional<RunView>> fallback) {
		CoverageRuns r = runs.getIfAvailable();
		if (r != null) {
			try {
				return read.apply(r);
			}
			catch (UnsupportedOperationException e) {
				// not implemented on this instance yet: read the table
			}
		}
		return fallback.get();
	}

	private static <S, T> T call(ObjectProvider<S> provider, Function<S, T> call) {
		S service = provider.getIfAvailable();
		if (service == null) {
			throw new NotAvailableException("Not available on this instance");
		}
		try {
			return call.apply(service);
		}
		catch (UnsupportedOperationException e) {
			throw new NotAvailableException("Not available on this instance");
		}
	}

	/** The newest run matching a condition (a constant SQL fragment), read straight from the run table. */
	private Optional<RunView> run(String condition) {
		return jdbc.sql("SELECT * FROM circle_run WHERE " + condition + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.query(CircleBackends::runView)
			.optional();
	}

	private static RunView runView(ResultSet rs, int n) throws SQLException {
		return new RunView(rs.getLong("id"), rs.getString("status"), rs.getString("reason"), rs.getString("requested_by"),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("progress"), rs.getString("stage"),
				rs.getString("network_name"), rs.getObject("network_nodes", Integer.class),
				rs.getObject("network_edges", Integer.class), rs.getInt("threshold_seconds"), rs.getInt("cutoff_seconds"),
				rs.getDouble("speed_kmh"), rs.getObject("facilities", Integer.class), rs.getObject("buildings", Integer.class),
				rs.getObject("communities", Integer.class), rs.getObject("compute_ms", Long.class), rs.getString("error"));
	}
}
