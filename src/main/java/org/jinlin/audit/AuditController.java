package org.jinlin.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: filters, paging and export to Excel. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping
	String page(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditQuery query = new AuditQuery(action, blankToNull(actor), from, to);
		model.addAttribute("query", query);
		model.addAttribute("zone", AuditRepository.ZONE);
		model.addAttribute("actions", Arrays.asList(AuditAction.values()));
		model.addAttribute("result", auditLog.search(query, Math.max(0, page), PAGE_SIZE));
		return "audit/list";
	}

	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		writeExport(auditLog, new AuditQuery(action, blankToNull(actor), from, to), response);
	}

	/** Builds the workbook first, so a refused or failing export never leaves a half-written download. */
	static void writeExport(AuditLog auditLog, AuditQuery query, HttpServletResponse response) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		auditLog.exportXlsx(query, buffer);
		response.setContentType(AuditApi.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-" + LocalDate.now(AuditRepository.ZONE) + ".xlsx").build().toString());
		response.setContentLength(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
