package org.jinlin.carefacilities.web;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.internal.CareFacilityAccess;
import org.jinlin.carefacilities.internal.CareFacilityImports;
import org.jinlin.shared.spreadsheet.ImportJob;
import org.jinlin.shared.spreadsheet.ImportUploadPage;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import of facilities from .xlsx/.csv with the shared import jobs: the upload page, the template, and the API. */
@Controller
@RequiredArgsConstructor
class CareFacilityImportWeb {

	static final ImportUploadPage PAGE = new ImportUploadPage("carefacilities.import.title", "/eldercare/facilities/import",
			"/eldercare/facilities/import/template.xlsx", "/eldercare/facilities/export.xlsx");

	private final CareFacilityImports imports;

	private final MessageSource messages;

	@GetMapping("/eldercare/facilities/import")
	String page(Model model) {
		return PAGE.show(model, messages, imports.recent(), null);
	}

	@PostMapping("/eldercare/facilities/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		CareFacilityAccess.writer();
		return PAGE.upload(file, model, messages, imports::recent, (name, bytes) -> imports.start(name, bytes, false));
	}

	@GetMapping("/eldercare/facilities/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return SpreadsheetDownloads.xlsx(imports.template(), "care-facilities-template.xlsx");
	}

	/** Starting imports and the template over the JSON API. */
	@RestController
	@RequestMapping("/api/v1/eldercare/facilities")
	@Tag(name = "Care facilities")
	static class Api {

		private final CareFacilityImports imports;

		Api(CareFacilityImports imports) {
			this.imports = imports;
		}

		@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
		@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
		@Operation(summary = "Start importing facilities from an .xlsx or .csv file, all or nothing",
				description = "Returns 202 with the import job; poll GET /api/v1/imports/{id}; errors name row and column. dryRun=true only validates.")
		ResponseEntity<ImportJob> start(@RequestParam("file") MultipartFile file,
				@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
			ImportJob job = imports.start(file.getOriginalFilename(), file.getBytes(), dryRun);
			return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
		}

		@GetMapping("/import-template.xlsx")
		@Operation(summary = "The facility import template")
		ResponseEntity<byte[]> template() {
			return SpreadsheetDownloads.xlsx(imports.template(), "care-facilities-template.xlsx");
		}
	}
}
