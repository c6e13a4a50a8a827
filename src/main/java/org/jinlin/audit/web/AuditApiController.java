package org.jinlin.audit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.audit.internal.AuditAction;
import org.jinlin.audit.internal.AuditEntry;
import org.jinlin.audit.internal.AuditLog;
import org.jinlin.audit.internal.AuditQuery;
import org.jinlin.audit.internal.AuditRepository;
import org.jinlin.shared.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over JSON, and its export (shared with the page). */
@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit", description = "The audit log of the caller's jurisdiction")
@RequiredArgsConstructor
class AuditApiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final AuditLog auditLog;

	@GetMapping
	@Operation(summary = "Audit events, newest first, filtered by action, actor and date range (days in Asia/Shanghai)")
	Paged<AuditEntry> list(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return auditLog.search(new AuditQuery(action, actor, from, to), page, size);
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "The same filtered audit events as an .xlsx workbook")
	void export(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		writeExport(auditLog, new AuditQuery(action, actor, from, to), response);
	}

	/** Builds the workbook first, so a refused or failing export never leaves a half-written download. */
	static void writeExport(AuditLog auditLog, AuditQuery query, HttpServletResponse response) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		auditLog.exportXlsx(query, buffer);
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("audit-" + LocalDate.now(AuditRepository.ZONE) + ".xlsx").build().toString());
		response.setContentLength(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}
}
