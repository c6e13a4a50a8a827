package org.jinlin.volunteers.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.volunteers.internal.Certificates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public verification page of a certificate number: no sign-in, nothing beyond the name; 404 when never issued. */
@Controller
@RequiredArgsConstructor
class CertificatePages {

	private final Certificates certificates;

	@GetMapping("/certificates/{number}")
	String verify(@PathVariable String number, Model model) {
		model.addAttribute("c", certificates.verify(number));
		return "volunteers/certificate";
	}
}
