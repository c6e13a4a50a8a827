package org.jinlin.accounts.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.AccountAdministration;
import org.jinlin.accounts.internal.AccountView;
import org.jinlin.accounts.internal.ApiKeyAdministration;
import org.jinlin.accounts.internal.ApiKeyView;
import org.jinlin.accounts.internal.IssuedApiKey;
import org.jinlin.accounts.internal.NewAccount;
import org.jinlin.accounts.internal.NewApiKey;
import org.jinlin.accounts.internal.PermissionsChange;
import org.jinlin.accounts.internal.SignInThrottleAdministration;
import org.jinlin.accounts.internal.SignInThrottleView;
import org.jinlin.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account and API key administration over JSON; administrators only, within their jurisdiction. */
@RestController
@Tag(name = "Accounts", description = "Account and API key administration (administrators)")
@RequiredArgsConstructor
class AccountsApiController {

	private final AccountAdministration management;

	private final ApiKeyAdministration keys;

	private final SignInThrottleAdministration throttles;

	@GetMapping("/api/v1/accounts")
	@Operation(summary = "Accounts in the administrator's jurisdiction")
	List<AccountView> list(@RequestParam(required = false) String q) {
		return management.list(q);
	}

	@GetMapping("/api/v1/accounts/throttles")
	@Operation(summary = "Running sign-in throttles of the administrator's jurisdiction, latest first: {items, page, size, total}")
	Paged<SignInThrottleView> throttles(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return throttles.list(page, size);
	}

	@DeleteMapping("/api/v1/accounts/throttles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift a sign-in throttle before its end (audited)")
	void clearThrottle(@PathVariable long id) {
		throttles.clear(id);
	}

	@GetMapping("/api/v1/accounts/{username}")
	@Operation(summary = "One account")
	AccountView get(@PathVariable String username) {
		return management.get(username);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/api/v1/accounts")
	@Operation(summary = "Create an account (password: at least 10 characters, not containing the user name)")
	ResponseEntity<AccountView> create(@RequestBody NewAccount request) {
		AccountView created = management.create(request);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.username())).body(created);
	}

	@PutMapping("/api/v1/accounts/{username}/permissions")
	@Operation(summary = "Change the role and territory node of an account")
	AccountView permissions(@PathVariable String username, @RequestBody PermissionsChange change) {
		return management.changePermissions(username, change);
	}

	@PutMapping("/api/v1/accounts/{username}/enabled")
	@Operation(summary = "Enable or disable an account")
	AccountView enabled(@PathVariable String username, @RequestBody EnabledRequest request) {
		return management.setEnabled(username, request.enabled());
	}

	@PutMapping("/api/v1/accounts/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reset the password of an account")
	void password(@PathVariable String username, @RequestBody PasswordRequest request) {
		management.resetPassword(username, request.password());
	}

	@GetMapping("/api/v1/api-keys")
	@Operation(summary = "API keys in the administrator's jurisdiction (prefix only, never the key or its hash)")
	List<ApiKeyView> apiKeys() {
		return keys.apiKeys();
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping("/api/v1/api-keys")
	@Operation(summary = "Issue an API key; the response is the only time the key is shown")
	ResponseEntity<IssuedApiKey> issue(@RequestBody NewApiKey request) {
		IssuedApiKey issued = keys.issueApiKey(request);
		return ResponseEntity.status(HttpStatus.CREATED).body(issued);
	}

	@DeleteMapping("/api/v1/api-keys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key")
	void revoke(@PathVariable long id) {
		keys.revokeApiKey(id);
	}

	record EnabledRequest(boolean enabled) {
	}

	record PasswordRequest(String password) {
	}
}
