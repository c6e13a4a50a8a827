package org.jinlin.accounts.web;

import java.time.ZoneId;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.ResidentInvitations;
import org.jinlin.accounts.internal.SignUpQueue;
import org.jinlin.accounts.internal.SmsOutbox;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Staff pages of residents' accounts: the queue of sign-ups waiting for confirmation, a resident's account with the
 * printable invitation, and (outside {@code prod}) the SMS outbox for administrators.
 */
@Controller
@RequiredArgsConstructor
class ResidentEnrolmentPages {

	private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

	private final SignUpQueue queue;

	private final ResidentInvitations invitations;

	private final ObjectProvider<SmsOutbox> outbox;

	@GetMapping("/resident-accounts/sign-ups")
	String queue(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("signUps", queue.waiting(Math.max(0, page), 50));
		model.addAttribute("zone", CITY_ZONE);
		return "accounts/sign-ups";
	}

	@GetMapping("/resident-accounts/sign-ups/{id}")
	String signUp(@PathVariable long id, Model model) {
		model.addAttribute("signUp", queue.get(id));
		model.addAttribute("candidates", queue.candidates(id));
		model.addAttribute("zone", CITY_ZONE);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "accounts/sign-up";
	}

	@PostMapping("/resident-accounts/sign-ups/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(required = false) Long residentId, Model model,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("confirmed", queue.confirm(id, residentId));
			return "redirect:/resident-accounts/sign-ups";
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return signUp(id, model);
		}
		catch (ConflictException e) {
			model.addAttribute("errors", FormErrors.global(e.getMessage()));
			return signUp(id, model);
		}
	}

	@PostMapping("/resident-accounts/sign-ups/{id}/reject")
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		queue.reject(id);
		redirect.addFlashAttribute("rejected", true);
		return "redirect:/resident-accounts/sign-ups";
	}

	@GetMapping("/resident-accounts/residents/{residentId}")
	String resident(@PathVariable long residentId, Model model) {
		model.addAttribute("status", invitations.status(residentId));
		return "accounts/resident-account";
	}

	/** Renders the printable invitation directly: the token must not be parked in a flash attribute. */
	@PostMapping("/resident-accounts/residents/{residentId}/invitation")
	String invite(@PathVariable long residentId, Model model) {
		ResidentInvitations.IssuedInvitation issued = invitations.issue(residentId);
		String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/{token}")
			.buildAndExpand(issued.token()).toUriString();
		model.addAttribute("issued", issued);
		model.addAttribute("link", link);
		model.addAttribute("qr", InvitationQrCode.dataUri(link));
		model.addAttribute("zone", CITY_ZONE);
		return "accounts/invitation-print";
	}

	@GetMapping("/admin/sms-outbox")
	String outbox(Model model) {
		SmsOutbox box = outbox.getIfAvailable();
		if (box == null) {
			throw new NotFoundException("No SMS outbox in prod");
		}
		model.addAttribute("messages", box.latest(100));
		model.addAttribute("zone", CITY_ZONE);
		return "accounts/sms-outbox";
	}
}
