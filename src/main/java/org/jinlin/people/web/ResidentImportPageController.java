package org.jinlin.people.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.internal.ResidentImports;
import org.jinlin.shared.spreadsheet.ImportUploadPage;
import org.jinlin.shared.spreadsheet.SpreadsheetDownloads;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages for importing and exporting residents. */
@Controller
@RequiredArgsConstructor
class ResidentImportPageController {

	private final ResidentImports imports;

	private final MessageSource messages;

	static final ImportUploadPage PAGE = new ImportUploadPage("people.import.title", "/residents/import",
			"/residents/import/template.xlsx", "/residents/export.xlsx");

	@GetMapping("/residents/import")
	String page(Model model) {
		return PAGE.show(model, messages, imports.recent(), null);
	}

	@PostMapping("/residents/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		ResidentImports.requireImporter();
		return PAGE.upload(file, model, messages, imports::recent, (name, bytes) -> imports.start(name, bytes, false));
	}

	@GetMapping("/residents/import/template.xlsx")
	ResponseEntity<byte[]> template() {
		return SpreadsheetDownloads.xlsx(imports.template(), "residents-template.xlsx");
	}

	@GetMapping("/residents/export.xlsx")
	void export(HttpServletResponse response) throws IOException {
		ResidentImports.requireExporter();
		SpreadsheetDownloads.xlsx(response, "residents.xlsx", imports::export);
	}
}
