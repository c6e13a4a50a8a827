package org.jinlin.circle.facilities;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the 15-minute circle's facility registry and category catalogue; the rules live in the services. */
@RestController("circleFacilityApi")
@RequestMapping("/api/v1/circle/facilities")
@Tag(name = "15-minute circle: facilities", description = "Daily-life facilities by category, imports, the category catalogue")
@RequiredArgsConstructor
class CircleFacilityApi {

	private final CircleFacilityRegistry registry;

	private final CircleFacilityExport export;

	private final CircleFacilityImports imports;

	private final OsmPoiImport osm;

	private final Categories categories;

	@GetMapping
	@Operation(summary = "Registry facilities in the caller's jurisdiction (or a territory inside it), by category, status and text",
			description = "Phones are masked. Elderly-care facilities and elder canteens are in the care-facility registry.")
	Paged<CircleFacilityView> search(@RequestParam(required = false) String category,
			@RequestParam(required = false) String territory, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return registry.search(new CircleFacilityRegistry.Query(category, territory, q, status, page, size));
	}

	@GetMapping("/counts")
	@Operation(summary = "Operating facilities per category in the jurisdiction (care categories counted from the care facilities)")
	List<CircleFacilityRegistry.CategoryCount> counts(@RequestParam(required = false) String territory) {
		return registry.counts(territory);
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "The same list as Excel (all pages), in the import layout")
	void exportXlsx(@RequestParam(required = false) String category, @RequestParam(required = false) String territory,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		CircleFacilityRegistry.Query query = new CircleFacilityRegistry.Query(category, territory, q, status, 0, 1);
		export.check(query);
		SpreadsheetDownloads.xlsx(response, "circle-facilities.xlsx", out -> export.write(query, out));
	}

	@GetMapping("/{id:\\d+}")
	@Operation(summary = "One facility (404 outside the caller's jurisdiction)")
	CircleFacilityView get(@PathVariable long id) {
		return registry.find(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Register a facility", description = """
			coordinateSystem is WGS84 (default), GCJ02 or BD09; the location is stored in WGS-84. Without territoryCode the \
			facility goes to the community nearest its location. 400 with field errors when invalid; nothing is written.""")
	ResponseEntity<CircleFacilityView> create(@RequestBody CircleFacilityDraft draft) {
		CircleFacilityView v = registry.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/circle/facilities/" + v.id())).body(v);
	}

	@PutMapping("/{id:\\d+}")
	@Operation(summary = "Replace a facility's details; send the version you read (409 if someone changed it since)")
	CircleFacilityView update(@PathVariable long id, @RequestBody CircleFacilityDraft draft) {
		return registry.update(id, draft);
	}

	@PostMapping("/{id:\\d+}/close")
	@Operation(summary = "Mark a facility closed (kept in the registry, no longer counted)")
	CircleFacilityView close(@PathVariable long id) {
		return registry.close(id);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id:\\d+}")
	@Operation(summary = "Delete a facility registered by mistake (one that stops trading is closed instead)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		registry.delete(id);
		return ResponseEntity.noContent().build();
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
	@PostMapping("/imports")
	@Operation(summary = "Start importing facilities from .xlsx, .csv or GeoJSON (.geojson/.json), all or nothing",
			description = """
					Multipart field file; coordinateSystem (WGS84, GCJ02, BD09) names the file's coordinates. Returns 202 with the import job; poll \
					GET /api/v1/imports/{id}; errors name row and column (GeoJSON: feature number and property name). \
					dryRun=true only validates.""")
	ResponseEntity<ImportJob> startImport(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String coordinateSystem, @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		ImportJob job = imports.start(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
				coordinateSystem, dryRun);
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	@GetMapping("/import-template.xlsx")
	@Operation(summary = "The facility import template")
	ResponseEntity<byte[]> template() {
		return SpreadsheetDownloads.xlsx(imports.template(), "circle-facilities-template.xlsx");
	}

	@PostMapping("/osm-imports")
	@Operation(summary = "Import the points of interest of an OpenStreetMap extract (.osm.pbf) that match the categories' OSM tags",
			description = "Multipart field file. Idempotent by OSM node id; nodes outside the caller's jurisdiction are skipped. Returns the counts.")
	OsmPoiImport.Result osmImport(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		return osm.run(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
	}

	@GetMapping("/categories")
	@Operation(summary = "The city's category catalogue with source, required flag and OSM tags")
	List<CategoryDefinition> categories() {
		CircleFacilityAccess.reader();
		return categories.definitions();
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/categories")
	@Operation(summary = "Add a category (city officials and administrators)")
	ResponseEntity<CategoryDefinition> addCategory(@RequestBody Categories.CategoryDraft draft) {
		CategoryDefinition c = categories.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/circle/facilities/categories/" + c.code())).body(c);
	}

	@PutMapping("/categories/{code}")
	@Operation(summary = "Edit a category: names, tier, required flag, sort order, OSM tags, care kinds (send the version read)")
	CategoryDefinition updateCategory(@PathVariable String code, @RequestBody Categories.CategoryDraft draft) {
		CircleFacilityAccess.categoryEditor();
		return categories.update(code, draft);
	}
}
