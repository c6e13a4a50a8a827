package org.jinlin.territory.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.territory.internal.TerritoryImports;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Territory", description = "The administrative tree and its official figures")
@RequiredArgsConstructor
class TerritoryApiController {

	private final Territories territories;

	private final TerritoryImports imports;

	@PostMapping(path = "/territories/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
	@Operation(summary = "Start importing territory nodes from an .xlsx or .csv file (administrators and city officials)",
			description = "Returns 202 with the import job; poll GET /api/v1/imports/{id}. dryRun=true only validates.")
	ResponseEntity<ImportJob> startImport(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		ImportJob job = imports.start(file.getOriginalFilename(), file.getBytes(), dryRun);
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	@GetMapping("/territories/export.xlsx")
	@Operation(summary = "The caller's territory subtree as Excel, in the import format")
	void export(HttpServletResponse response) throws IOException {
		imports.checkExport();
		SpreadsheetDownloads.xlsx(response, "territory.xlsx", imports::export);
	}

	@GetMapping("/communities")
	@Operation(summary = "Communities and villages the caller may see")
	List<Territories.CommunitySummary> communities() {
		return territories.communities();
	}

	@GetMapping("/territories/{code}")
	@Operation(summary = "One territory node by its code")
	TerritoryNode node(@PathVariable String code) {
		return territories.get(code);
	}

	@GetMapping("/territories/{code}/children")
	@Operation(summary = "The children of a territory node that the caller may see")
	List<TerritoryNode> children(@PathVariable String code) {
		return territories.children(code);
	}
}
