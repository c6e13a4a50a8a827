package org.jinlin.publiclog.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.publiclog.internal.LogAccess;
import org.jinlin.publiclog.internal.LogReads;
import org.jinlin.publiclog.internal.LogSelfCheck;
import org.jinlin.publiclog.internal.LogSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log's public page, a person's own leaves and the staff's status page. */
@Controller
@RequiredArgsConstructor
class LogPages {

	static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private final LogReads reads;

	private final LogSettings settings;

	private final LogSelfCheck selfCheck;

	@GetMapping("/public/log")
	String log(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("checkpoint", reads.checkpoint());
		model.addAttribute("kinds", reads.kinds());
		model.addAttribute("kind", kind == null || kind.isBlank() ? null : kind);
		model.addAttribute("leaves", reads.leaves(kind, null, Math.max(0, page), 20));
		model.addAttribute("origin", settings.origin());
		model.addAttribute("verifierKey", settings.verifierKey());
		model.addAttribute("command", "java -cp target/classes org.jinlin.publiclog.tlog.LogVerifier "
				+ "http://localhost:8080/log '" + settings.verifierKey() + "' jinlin-log.checkpoint");
		model.addAttribute("zone", ZONE);
		return "publiclog/log";
	}

	/**
	 * A person's own leaves (hours credited and reversed, certificates), with her pseudonym and a "verify" for each;
	 * staff without a resident are told why they have none. Signed in only (the web chain sends others to sign-in).
	 */
	@GetMapping("/log/mine")
	String mine(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("mine", reads.mine(Math.max(0, page), 20).orElse(null));
		model.addAttribute("verifierKey", settings.verifierKey());
		model.addAttribute("zone", ZONE);
		return "publiclog/mine";
	}

	@GetMapping("/log/status")
	String status(Model model) {
		LogAccess.requireStaff();
		model.addAttribute("checkpoint", reads.head());
		model.addAttribute("lag", reads.lag());
		LogSelfCheck.Result check = selfCheck.last();
		model.addAttribute("check", check == null ? selfCheck.check() : check);
		model.addAttribute("zone", ZONE);
		return "publiclog/status";
	}

	@PostMapping("/log/status/check")
	String check() {
		LogAccess.requireStaff();
		selfCheck.check();
		return "redirect:/log/status";
	}
}
