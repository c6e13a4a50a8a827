package org.jinlin.volunteers.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.volunteers.internal.Certificates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public verification page of a certificate number: no sign-in, nothing beyond the name; a number never issued
 * answers 404 with a page saying the number is not valid and how to check a certificate.
 */
@Controller
@RequiredArgsConstructor
class CertificatePages {

	private final Certificates certificates;

	/** The "check another number" form of the invalid page: to the number's verification page. */
	@GetMapping("/certificates/check")
	String check(@RequestParam(defaultValue = "") String number, Model model, HttpServletResponse response) {
		String n = number.strip().toUpperCase(Locale.ROOT);
		if (n.matches("[0-9A-Z-]{1,40}")) {
			return "redirect:/certificates/" + n;
		}
		return verify(n, model, response);
	}

	@GetMapping("/certificates/{number}")
	String verify(@PathVariable String number, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("c", certificates.verify(number));
			return "volunteers/certificate";
		}
		catch (NotFoundException e) {
			// still a 404, but a page that says what it means for a certificate and how to check one
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			String shown = number == null ? "" : number.strip();
			model.addAttribute("number", shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
			return "volunteers/certificate-invalid";
		}
	}
}
