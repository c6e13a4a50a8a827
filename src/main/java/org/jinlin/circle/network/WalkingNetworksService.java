package org.jinlin.circle.network;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The walking network's status, walking areas, and replacing the network (administrators, city officials). */
@Service
@RequiredArgsConstructor
class WalkingNetworksService implements WalkingNetworks {

	private static final Logger log = LoggerFactory.getLogger(WalkingNetworksService.class);

	static final long MAX_EXTRACT_BYTES = 1L << 30;

	static final int[] BANDS = { 5, 10, 15 };

	private final NetworkHolder holder;

	private final NetworkRepository rows;

	private final CircleSettings settings;

	private final FieldErrors problems;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final NetworkJobs jobs;

	private final GeometryFactory geometry = new GeometryFactory();

	@Override
	public NetworkStatus status() {
		staff();
		NetworkRepository.Row row = rows.active().orElse(null);
		if (row == null) {
			LoadedNetwork network = holder.current();
			row = rows.active().orElseThrow();
			return status(row, network);
		}
		LoadedNetwork built = holder.peek();
		return status(row, built != null && built.id() == row.id() ? built : null);
	}

	private NetworkStatus status(NetworkRepository.Row row, LoadedNetwork built) {
		return new NetworkStatus(row.id(), row.generated(), row.name(), row.sha256(), row.sizeBytes(),
				built == null ? null : built.walk().nodeCount(), built == null ? null : built.edges(), row.createdAt(),
				row.createdBy(), settings.walkingSpeedKmh());
	}

	@Override
	public Isochrone isochrone(double latitude, double longitude) {
		staff();
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		if (!(latitude >= -90 && latitude <= 90)) {
			errors.add(new FieldErrors.FieldError("lat", "circle.network.latitude"));
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			errors.add(new FieldErrors.FieldError("lon", "circle.network.longitude"));
		}
		problems.failIfAny(errors);
		LoadedNetwork network = holder.serving();
		double maxSnap = settings.network().maxSnapMetres();
		LoadedNetwork.Placement at = network.origin(latitude, longitude, maxSnap);
		if (at == null) {
			// Not on the walking network: say how far it is, or that it is further than the index looks.
			double metres = network.metresToNetwork(latitude, longitude);
			throw new NotFoundException(Double.isNaN(metres)
					? problems.message("circle.network.farFromStreet", (int) Math.round(maxSnap))
					: problems.message("circle.network.offNetwork", (int) Math.round(metres), (int) Math.round(maxSnap)));
		}
		int cutoff = BANDS[BANDS.length - 1] * 60_000;
		WalkSearch search = new WalkSearch(network.walk()).from(new int[] { at.nodeA(), at.nodeB() },
				new int[] { at.millisA(), at.millisB() }, cutoff);
		List<Isochrone.Band> bands = new ArrayList<>();
		for (int minutes : BANDS) {
			int limit = minutes * 60_000;
			List<Coordinate> points = new ArrayList<>();
			points.add(new Coordinate(longitude, latitude));
			for (int i = 0; i < search.settledCount(); i++) {
				int node = search.settled(i);
				if (search.cost(node) > limit) {
					break; // settled in order of cost
				}
				points.add(new Coordinate(network.walk().longitude(node), network.walk().latitude(node)));
			}
			Geometry cloud = geometry.createMultiPointFromCoords(points.toArray(Coordinate[]::new));
			Geometry area = points.size() < 4 ? cloud.buffer(0.0003)
					: ConcaveHull.concaveHullByLength(cloud, 0.002).buffer(0.0002);
			bands.add(new Isochrone.Band(minutes, geoJson(area), points.size() - 1));
		}
		return new Isochrone(latitude, longitude, Math.round(at.accessMetres() * 10) / 10.0, bands);
	}

	@Override
	public NetworkJob useExtract(String fileName, byte[] content) {
		Actor actor = administrator();
		String name = fileName == null ? "" : Path.of(fileName).getFileName().toString().trim();
		if (!name.toLowerCase(Locale.ROOT).endsWith(".pbf")) {
			throw problems.invalid("file", "circle.network.extract.type");
		}
		if (content == null || content.length == 0) {
			throw problems.invalid("file", "circle.network.extract.empty");
		}
		if (content.length > MAX_EXTRACT_BYTES) {
			throw problems.invalid("file", "circle.network.extract.tooLarge");
		}
		String sha = sha256(content);
		long id = jobs.queue(name.length() > 200 ? name.substring(name.length() - 200) : name, sha, content, actor.name());
		log.info("Walking-network extract {} ({} bytes) received from {}: job {}", name, content.length, actor.name(), id);
		return view(rows.job(id).orElseThrow());
	}

	@Override
	public NetworkJob job(long id) {
		staff();
		return rows.job(id).map(this::view).orElseThrow(() -> new NotFoundException("No walking-network job " + id));
	}

	@Override
	public java.util.Optional<NetworkJob> latestJob() {
		staff();
		return rows.latestJob().map(this::view);
	}

	private NetworkJob view(NetworkRepository.JobRow j) {
		return new NetworkJob(j.id(), j.fileName(), j.sizeBytes(), j.state(), j.stage(), j.percent(), j.outcome(),
				j.messageKey() == null ? null : problems.message(j.messageKey()), j.networkId(), j.requestedBy(),
				j.requestedAt(), j.finishedAt(), "/api/v1/circle/network/jobs/" + j.id());
	}

	@Override
	public NetworkStatus useGenerated() {
		Actor actor = administrator();
		tx.executeWithoutResult(s -> {
			long id = rows.activate("GENERATED", "generated", null, null, actor.name());
			events.publishEvent(new NetworkReplaced(id, "generated"));
		});
		return status(rows.active().orElseThrow(), holder.current());
	}

	private static Actor staff() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("The walking network is for staff");
		}
		return actor;
	}

	private static Actor administrator() {
		Actor actor = CurrentActor.require();
		if (!actor.hasAny(Role.ADMINISTRATOR, Role.CITY_OFFICIAL)) {
			throw new ForbiddenException("Only administrators and city officials replace the walking network");
		}
		return actor;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A polygonal JTS geometry as a GeoJSON geometry, coordinates rounded to about a decimetre. */
	static String geoJson(Geometry area) {
		StringBuilder out = new StringBuilder();
		if (area instanceof Polygon p) {
			out.append("{\"type\":\"Polygon\",\"coordinates\":");
			polygon(p, out);
		}
		else {
			out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			int written = 0;
			for (int i = 0; i < area.getNumGeometries(); i++) {
				if (area.getGeometryN(i) instanceof Polygon p) {
					if (written++ > 0) {
						out.append(',');
					}
					polygon(p, out);
				}
			}
			out.append(']');
		}
		return out.append('}').toString();
	}

	private static void polygon(Polygon p, StringBuilder out) {
		out.append('[');
		ring(p.getExteriorRing().getCoordinates(), out);
		for (int i = 0; i < p.getNumInteriorRing(); i++) {
			out.append(',');
			ring(p.getInteriorRingN(i).getCoordinates(), out);
		}
		out.append(']');
	}

	private static void ring(Coordinate[] coordinates, StringBuilder out) {
		out.append('[');
		for (int i = 0; i < coordinates.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('[').append(Math.round(coordinates[i].x * 1e6) / 1e6).append(',')
				.append(Math.round(coordinates[i].y * 1e6) / 1e6).append(']');
		}
		out.append(']');
	}
}
