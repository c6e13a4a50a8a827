package org.jinlin.people.web;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.internal.ResidentImports;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Importing and exporting residents over the JSON API. */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "Resident import and export")
@RequiredArgsConstructor
class ResidentImportApiController {

	private final ResidentImports imports;

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Start importing residents from an .xlsx or .csv file",
			description = "Returns 202 with the import job; poll GET /api/v1/imports/{id}. dryRun=true only validates.")
	ResponseEntity<ImportJob> start(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		ImportJob job = imports.start(file.getOriginalFilename(), file.getBytes(), dryRun);
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	@GetMapping("/import-template.xlsx")
	@Operation(summary = "The resident import template")
	ResponseEntity<byte[]> template() {
		return SpreadsheetDownloads.xlsx(imports.template(), "residents-template.xlsx");
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "Residents the caller may see as Excel, ID numbers and phones masked")
	void export(HttpServletResponse response) throws IOException {
		ResidentImports.requireExporter();
		SpreadsheetDownloads.xlsx(response, "residents.xlsx", imports::export);
	}
}
