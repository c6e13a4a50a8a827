package org.jinlin.shared.spreadsheet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Progress and error reports of spreadsheet imports")
@RequiredArgsConstructor
class ImportJobApi {

	private final ImportJobs jobs;

	@GetMapping("/{id}")
	@Operation(summary = "The state and progress of one of the caller's import jobs")
	ImportJob job(@PathVariable String id) {
		return jobs.get(id);
	}

	@GetMapping("/{id}/errors.xlsx")
	@Operation(summary = "The error report of a failed import as Excel")
	ResponseEntity<byte[]> errorsXlsx(@PathVariable String id) {
		return ImportJobController.download(jobs.errorReport(id, false), "errors-" + id + ".xlsx", ImportJobController.XLSX);
	}

	@GetMapping("/{id}/errors.csv")
	@Operation(summary = "The error report of a failed import as CSV")
	ResponseEntity<byte[]> errorsCsv(@PathVariable String id) {
		return ImportJobController.download(jobs.errorReport(id, true), "errors-" + id + ".csv", ImportJobController.CSV);
	}
}
