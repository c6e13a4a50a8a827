package org.jinlin.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.audit.internal.AuditAction;
import org.jinlin.audit.internal.AuditLog;
import org.jinlin.audit.internal.AuditQuery;
import org.jinlin.audit.internal.AuditRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: filters, paging and export to Excel. */
@Controller
@RequestMapping("/admin/audit")
@RequiredArgsConstructor
class AuditPageController {

	static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

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
		AuditApiController.writeExport(auditLog, new AuditQuery(action, blankToNull(actor), from, to), response);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
