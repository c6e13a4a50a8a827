package org.jinlin.shared.spreadsheet;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The generic progress page of an import job, its htmx fragment and the error report downloads. */
@Controller
@RequiredArgsConstructor
class ImportJobController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ImportJobs jobs;

	@GetMapping("/imports/{id}")
	String page(@PathVariable String id, Model model) {
		model.addAttribute("job", jobs.get(id));
		return "imports/progress";
	}

	@GetMapping("/imports/{id}/progress")
	String fragment(@PathVariable String id, Model model) {
		model.addAttribute("job", jobs.get(id));
		return "imports/progress :: status";
	}

	@GetMapping("/imports/{id}/errors.xlsx")
	ResponseEntity<byte[]> errorsXlsx(@PathVariable String id) {
		return download(jobs.errorReport(id, false), "errors-" + id + ".xlsx", XLSX);
	}

	@GetMapping("/imports/{id}/errors.csv")
	ResponseEntity<byte[]> errorsCsv(@PathVariable String id) {
		return download(jobs.errorReport(id, true), "errors-" + id + ".csv", CSV);
	}

	/** A file download with a UTF-8 file name. */
	static <B> ResponseEntity<B> download(B body, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(type)
			.body(body);
	}
}
