package org.jinlin.accounts.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.PasswordResetByCode;
import org.jinlin.accounts.internal.PhoneCodes;
import org.jinlin.accounts.internal.ResidentInvitations;
import org.jinlin.accounts.internal.ResidentSignUp;
import org.jinlin.accounts.internal.SignUpQueue;
import org.jinlin.accounts.internal.SignUpRequest;
import org.jinlin.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Residents' accounts over JSON: sign-up and password reset by one-time SMS code (signed out; the answers never tell
 * whether a phone, account or resident exists), the staff queue of waiting sign-ups and invitations (community
 * workers and above, within their jurisdiction). Errors are problem+json.
 */
@RestController
@Tag(name = "Resident accounts", description = "Sign-up, password reset by SMS code, confirmation and invitations")
@RequiredArgsConstructor
class ResidentEnrolmentApi {

	private final PhoneCodes codes;

	private final ResidentSignUp signUp;

	private final PasswordResetByCode reset;

	private final SignUpQueue queue;

	private final ResidentInvitations invitations;

	/** A phone to send a one-time code to. */
	record CodeRequest(String phone) {

		@Override
		public String toString() {
			return "CodeRequest[]";
		}
	}

	/** The same answer for every phone. */
	record CodeAccepted(String status) {
	}

	/** A new password with the phone's one-time code. */
	record ResetRequest(String phone, String code, String password) {

		@Override
		public String toString() {
			return "ResetRequest[]";
		}
	}

	record ResetDone(String username) {
	}

	record Confirmation(Long residentId) {
	}

	record Confirmed(String username) {
	}

	record Invitation(String username, String displayName, String link, Instant expiresAt, boolean newAccount) {
	}

	@PostMapping("/api/v1/accounts/sign-up/code")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a one-time sign-up code by SMS (6 digits, 10 minutes, 5 tries; at most one a minute and "
			+ "5 an hour per phone, 20 an hour per source address); 400 with a field message when asked too often")
	CodeAccepted signUpCode(@RequestBody(required = false) CodeRequest body, HttpServletRequest request) {
		codes.send(PhoneCodes.Purpose.SIGN_UP, body == null ? null : body.phone(), request.getRemoteAddr());
		return new CodeAccepted("SENT");
	}

	@PostMapping("/api/v1/accounts/sign-up")
	@Operation(summary = "Sign up as a resident: matched to the register by name and the last six characters of the ID "
			+ "number (201 MATCHED with the sign-in name) or waiting for a community worker (202 PENDING)")
	ResponseEntity<ResidentSignUp.Outcome> signUp(@RequestBody(required = false) SignUpRequest body,
			HttpServletRequest request) {
		ResidentSignUp.Outcome outcome = signUp.signUp(
				body == null ? new SignUpRequest(null, null, null, null, null, null) : body, request.getRemoteAddr());
		return ResponseEntity.status("MATCHED".equals(outcome.status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
			.body(outcome);
	}

	@PostMapping("/api/v1/accounts/password-reset/code")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a password-reset code to the phone of an account; the same answer for any phone")
	CodeAccepted resetCode(@RequestBody(required = false) CodeRequest body, HttpServletRequest request) {
		codes.send(PhoneCodes.Purpose.PASSWORD_RESET, body == null ? null : body.phone(), request.getRemoteAddr());
		return new CodeAccepted("SENT");
	}

	@PostMapping("/api/v1/accounts/password-reset")
	@Operation(summary = "Set a new password with the phone's one-time code; answers the sign-in name")
	ResetDone reset(@RequestBody(required = false) ResetRequest body, HttpServletRequest request) {
		ResetRequest r = body == null ? new ResetRequest(null, null, null) : body;
		return new ResetDone(reset.reset(r.phone(), r.code(), r.password(), request.getRemoteAddr()));
	}

	@GetMapping("/api/v1/accounts/sign-ups")
	@Operation(summary = "Sign-ups waiting for confirmation in the caller's jurisdiction, oldest first: {items, page, size, total}")
	Paged<SignUpQueue.WaitingSignUp> waiting(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return queue.waiting(page, size);
	}

	@PostMapping("/api/v1/accounts/sign-ups/{id}/confirm")
	@Operation(summary = "Confirm a waiting sign-up as a resident of the caller's register (creates and links the account)")
	Confirmed confirm(@PathVariable long id, @RequestBody(required = false) Confirmation body) {
		return new Confirmed(queue.confirm(id, body == null ? null : body.residentId()));
	}

	@PostMapping("/api/v1/accounts/sign-ups/{id}/reject")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reject a waiting sign-up")
	void reject(@PathVariable long id) {
		queue.reject(id);
	}

	@PostMapping("/api/v1/accounts/residents/{residentId}/invitation")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create (or take) a resident's account and issue a one-time invitation link to set its password "
			+ "(valid 14 days; the link is shown only in this answer)")
	Invitation invite(@PathVariable long residentId) {
		ResidentInvitations.IssuedInvitation issued = invitations.issue(residentId);
		String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/{token}")
			.buildAndExpand(issued.token()).toUriString();
		return new Invitation(issued.username(), issued.displayName(), link, issued.expiresAt(), issued.newAccount());
	}
}
