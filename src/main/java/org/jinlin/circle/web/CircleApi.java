package org.jinlin.circle.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.coverage.WhatIf;
import org.jinlin.circle.network.NetworkJob;
import org.jinlin.circle.network.NetworkStatus;
import org.jinlin.circle.network.WalkingNetworks;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API of the 15-minute circle under {@code /api/v1/circle}: coverage, gaps and community detail of the latest
 * finished run, the runs, suggestions, isochrones, the map layers (GeoJSON) and the walking network. Staff only, each
 * within their jurisdiction; errors are problem+json.
 */
@RestController
@RequestMapping("/api/v1/circle")
@RequiredArgsConstructor
class CircleApi {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	/** What {@code POST /runs} accepts (optional). */
	record RunRequest(String reason) {
	}

	/** What {@code POST /what-if} accepts; lat and lon as JSON numbers or strings. */
	record WhatIfRequest(String category, Object lat, Object lon, String action, String facilityId) {
	}

	private final CircleReads reads;

	private final WhatIf whatIfs;

	private final CircleGeoJson geo;

	private final CoverageRuns runs;

	private final WalkingNetworks networks;

	private final CircleExport export;

	private final FieldErrors problems;

	@GetMapping("/coverage")
	CircleViews.Coverage coverage(@RequestParam(required = false) String territory) {
		return reads.coverage(territory);
	}

	@GetMapping("/coverage/export.xlsx")
	void coverageXlsx(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		export.coverageXlsx(territory, response);
	}

	/** The uncovered communities of an area; {@code profile=ELDER} lists them for the elder walking profile. */
	@GetMapping("/gaps")
	CircleViews.Gaps gaps(@RequestParam(required = false) String territory,
			@RequestParam(required = false) String profile) {
		CircleAccess.staff();
		return reads.gaps(territory, null, null, reads.profile(profile));
	}

	@GetMapping("/gaps/export.xlsx")
	void gapsXlsx(@RequestParam(required = false) String territory, HttpServletResponse response) throws IOException {
		export.gapsXlsx(territory, response);
	}

	@GetMapping("/communities/{code}")
	CircleViews.Community community(@PathVariable String code) {
		return reads.community(code);
	}

	/** What a client polls while a run is on: the run queued or running (absent when none is) and the last finished. */
	record RunState(RunView current, RunView latest) {
	}

	@GetMapping("/runs/current")
	RunState currentRun() {
		CircleAccess.staff();
		return new RunState(runs.current().orElse(null), runs.latest().orElse(null));
	}

	/** The last finished run; 404 before the first. */
	@GetMapping("/runs/latest")
	RunView latestRun() {
		CircleAccess.staff();
		return runs.latest().orElseThrow(() -> new NotFoundException("No finished run yet"));
	}

	@GetMapping("/runs/{id:\\d+}")
	RunView run(@PathVariable long id) {
		CircleAccess.staff();
		return runs.find(id).orElseThrow(() -> new NotFoundException("No such run"));
	}

	/** Request a re-run (street officials and above): 202 with the queued (or already running) run. */
	@PostMapping("/runs")
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<RunView> requestRun(@RequestBody(required = false) RunRequest body) {
		CircleAccess.runRequester();
		String reason = body == null || body.reason() == null || body.reason().isBlank() ? "requested"
				: body.reason().strip();
		if (reason.length() > 200) {
			throw problems.invalid("reason", "circle-pages.error.reason.length", 200);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.request(reason));
	}

	@GetMapping("/suggestions")
	CircleViews.SuggestionList suggestions(@RequestParam(required = false) String category,
			@RequestParam(required = false) String territory, @RequestParam(required = false) String count) {
		return reads.suggestions(category, territory, integer("count", count));
	}

	@PostMapping("/what-if")
	@io.swagger.v3.oas.annotations.Operation(summary = "What if a facility of a category were added at a site, moved there or closed: "
			+ "the communities and buildings whose walk would change, before and after, computed at once from the last run "
			+ "(nothing is saved)", description = "Body {category, lat, lon, action: ADD|MOVE|CLOSE, facilityId (MOVE, CLOSE: the "
					+ "facility key, e.g. circle:12 or care:3)}. Only communities and buildings in the caller's jurisdiction are "
					+ "listed. 400 on bad input, 404 for an unknown facility, 409 before the first finished run.")
	WhatIf.Result whatIf(@RequestBody(required = false) WhatIfRequest body) {
		WhatIfRequest b = body == null ? new WhatIfRequest(null, null, null, null, null) : body;
		return whatIf(whatIfs, problems, b.category(), b.action(), text(b.lat()), text(b.lon()), b.facilityId());
	}

	@GetMapping(value = "/isochrone", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> isochrone(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon) {
		CircleAccess.staff();
		double[] point = point(problems, lat, lon);
		return CircleGeoJson.isochrone(networks.isochrone(point[0], point[1]));
	}

	@GetMapping(value = "/map/communities", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> mapCommunities(@RequestParam(required = false) String territory) {
		return geo.communities(territory);
	}

	@GetMapping(value = "/map/facilities", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> mapFacilities(@RequestParam(required = false) String territory) {
		return geo.facilities(territory);
	}

	@GetMapping(value = "/map/buildings", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> mapBuildings(@RequestParam(required = false) String territory) {
		return geo.buildings(territory);
	}

	/** The walking network in use; 404 while none is set up. */
	@GetMapping("/network")
	NetworkStatus network() {
		CircleAccess.staff();
		return Optional.ofNullable(networks.status()).orElseThrow(() -> new NotFoundException("No walking network yet"));
	}

	/**
	 * Replace the network with an uploaded OpenStreetMap extract (administrators and city officials): 202 with the
	 * background job and its status URL (also in {@code Location}); the old network serves until the new one is built
	 * and checked.
	 */
	@PostMapping("/network/extract")
	@io.swagger.v3.oas.annotations.Operation(summary = "Replace the walking network with an OpenStreetMap extract, in the background",
			description = "Checks the file's name and size at once (400), stores it and answers 202 Accepted with the job: "
					+ "its stage (RECEIVED, READING, BUILDING, CHECKING, ACTIVATING, COVERAGE_QUEUED), percent and statusUrl. "
					+ "Follow it with GET /api/v1/circle/network/jobs/{id}: state DONE with outcome ACTIVATED once the new "
					+ "network is active (a coverage run is then queued), or FAILED with outcome NO_STREETS, UNREADABLE or "
					+ "FAILED and a message, the previous network staying active.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "The job, queued")
	ResponseEntity<NetworkJob> useExtract(@RequestParam(value = "file", required = false) MultipartFile file)
			throws IOException {
		CircleAccess.networkManager();
		checkExtract(problems, file);
		NetworkJob job = networks.useExtract(file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.accepted().location(java.net.URI.create(job.statusUrl())).body(job);
	}

	/** A background replacement of the network: stage, percent, outcome and message (staff). */
	@GetMapping("/network/jobs/{id:\\d+}")
	@io.swagger.v3.oas.annotations.Operation(summary = "The state of a walking-network replacement job",
			description = "state QUEUED, RUNNING, DONE or FAILED; stage and percent (100 once finished); outcome "
					+ "ACTIVATED, NO_STREETS, UNREADABLE or FAILED with a message in the caller's language.")
	NetworkJob networkJob(@PathVariable long id) {
		CircleAccess.staff();
		return networks.job(id);
	}

	/** Go back to the generated street grid (administrators and city officials). */
	@PostMapping("/network/generated")
	NetworkStatus useGenerated() {
		CircleAccess.networkManager();
		return networks.useGenerated();
	}

	// ------------------------------------------------------------------ parameters (shared with the pages)

	/** A what-if with the site checked like every point here (both or neither of lat and lon; numbers in range). */
	static WhatIf.Result whatIf(WhatIf whatIfs, FieldErrors problems, String category, String action, String lat,
			String lon, String facilityId) {
		CircleAccess.staff();
		Double la = null;
		Double lo = null;
		if ((lat != null && !lat.isBlank()) || (lon != null && !lon.isBlank())) {
			double[] p = point(problems, lat, lon);
			la = p[0];
			lo = p[1];
		}
		return whatIfs.whatIf(category, action, la, lo, facilityId);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** An uploaded file must be there and be named {@code *.osm.pbf}; the network service checks the content. */
	static void checkExtract(FieldErrors problems, MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw problems.invalid("file", "circle-pages.error.file.required");
		}
		String name = file.getOriginalFilename();
		if (name == null || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".osm.pbf")) {
			throw problems.invalid("file", "circle-pages.error.file.type");
		}
	}

	/** Latitude and longitude, WGS-84: both required, numbers, in range. */
	static double[] point(FieldErrors problems, String lat, String lon) {
		List<FieldErrors.FieldError> errors = new ArrayList<>();
		Double la = coordinate(errors, "lat", lat, 90);
		Double lo = coordinate(errors, "lon", lon, 180);
		problems.failIfAny(errors);
		return new double[] { la, lo };
	}

	private static Double coordinate(List<FieldErrors.FieldError> errors, String field, String text, double limit) {
		if (text == null || text.isBlank()) {
			errors.add(new FieldErrors.FieldError(field, "circle-pages.error.coordinate.required"));
			return null;
		}
		try {
			double v = Double.parseDouble(text.strip());
			if (Double.isFinite(v) && Math.abs(v) <= limit) {
				return v;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(new FieldErrors.FieldError(field, "circle-pages.error.coordinate.range", limit));
		return null;
	}

	private Integer integer(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw problems.invalid(field, "circle-pages.error.count", CircleReads.MAX_SUGGESTIONS);
		}
	}
}
