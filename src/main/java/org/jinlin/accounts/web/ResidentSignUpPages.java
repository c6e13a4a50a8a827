package org.jinlin.accounts.web;

import java.time.ZoneId;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.PasswordResetByCode;
import org.jinlin.accounts.internal.PhoneCodes;
import org.jinlin.accounts.internal.ResidentInvitations;
import org.jinlin.accounts.internal.ResidentSignUp;
import org.jinlin.accounts.internal.SignUpRequest;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-out pages of residents: sign-up ({@code /register}), password reset by phone code
 * ({@code /password-reset}) and the invitation link ({@code /invitations/{token}}). Each form has two buttons where
 * a code is needed: one asks for the code, the other completes; the page works without scripts.
 */
@Controller
@RequiredArgsConstructor
class ResidentSignUpPages {

	private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

	private final ResidentSignUp signUp;

	private final PhoneCodes codes;

	private final PasswordResetByCode reset;

	private final ResidentInvitations invitations;

	@GetMapping("/register")
	String registerForm(Model model) {
		return register(new SignUpRequest("", "", "", "", "", ""), Map.of(), false, model);
	}

	@PostMapping("/register")
	String register(@ModelAttribute SignUpRequest form, @RequestParam(defaultValue = "submit") String action,
			HttpServletRequest request, Model model) {
		SignUpRequest kept = new SignUpRequest(form.name(), form.phone(), "", form.idSuffix(), form.communityCode(), "");
		try {
			if ("code".equals(action)) {
				codes.send(PhoneCodes.Purpose.SIGN_UP, form.phone(), request.getRemoteAddr());
				return register(kept, Map.of(), true, model);
			}
			ResidentSignUp.Outcome outcome = signUp.signUp(form, request.getRemoteAddr());
			model.addAttribute("outcome", outcome);
			return "accounts/register-done";
		}
		catch (ValidationFailedException e) {
			return register(kept, FormErrors.of(e), false, model);
		}
	}

	private String register(SignUpRequest form, Map<String, ?> errors, boolean codeSent, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("codeSent", codeSent && errors.isEmpty());
		model.addAttribute("communities", signUp.communities());
		return "accounts/register";
	}

	@GetMapping("/password-reset")
	String resetForm(Model model) {
		return reset("", Map.of(), false, model);
	}

	@PostMapping("/password-reset")
	String reset(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "reset") String action,
			HttpServletRequest request, Model model) {
		try {
			if ("code".equals(action)) {
				codes.send(PhoneCodes.Purpose.PASSWORD_RESET, phone, request.getRemoteAddr());
				return reset(phone, Map.of(), true, model);
			}
			model.addAttribute("username", reset.reset(phone, code, password, request.getRemoteAddr()));
			return "accounts/password-reset-done";
		}
		catch (ValidationFailedException e) {
			return reset(phone, FormErrors.of(e), false, model);
		}
	}

	private String reset(String phone, Map<String, ?> errors, boolean codeSent, Model model) {
		model.addAttribute("phone", phone);
		model.addAttribute("errors", errors);
		model.addAttribute("codeSent", codeSent);
		return "accounts/password-reset";
	}

	@GetMapping("/invitations/{token}")
	String invitation(@PathVariable String token, Model model) {
		model.addAttribute("invitation", invitations.open(token));
		model.addAttribute("token", token);
		model.addAttribute("zone", CITY_ZONE);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "accounts/invitation";
	}

	@PostMapping("/invitations/{token}")
	String acceptInvitation(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeated, HttpServletRequest request, Model model) {
		try {
			model.addAttribute("username", invitations.accept(token, password, repeated, request.getRemoteAddr()));
			return "accounts/password-reset-done";
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return invitation(token, model);
		}
	}
}
