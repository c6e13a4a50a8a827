package org.jinlin.quality.web;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.CertificationPublic;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public certificate of a community (linked from its public board) and the verification of a certificate number,
 * signed out: an unknown number answers 404 with a page saying so and how to check; an expired certificate says it
 * has expired.
 */
@Controller
@RequiredArgsConstructor
class CertificationPublicPages {

	private final CertificationPublic certificates;

	@GetMapping("/public/quality/certification/{communityCode}")
	String community(@PathVariable String communityCode, Model model) {
		model.addAttribute("c", certificates.ofCommunity(communityCode));
		return "quality/certification-public";
	}

	@GetMapping("/public/quality/certificates/{number}")
	String verify(@PathVariable String number, Model model, HttpServletResponse response) {
		var found = certificates.verify(number);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			String shown = number == null ? "" : number.strip();
			model.addAttribute("number", shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
			model.addAttribute("c", null);
		}
		else {
			model.addAttribute("c", found.get());
		}
		model.addAttribute("verifying", true);
		return "quality/certification-public";
	}
}
