package org.jinlin.audit;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit", description = "The audit log of the caller's jurisdiction")
class AuditApi {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final AuditLog auditLog;

	AuditApi(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping
	@Operation(summary = "Audit events, newest first, filtered by action, actor and date range (days in Asia/Shanghai)")
	AuditPage list(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String actor,
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
		AuditController.writeExport(auditLog, new AuditQuery(action, actor, from, to), response);
	}
}
