package org.jinlin.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.ApiTokens;
import org.jinlin.shared.ForbiddenException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bearer tokens for API clients: authenticate once with the account's password (HTTP Basic), then send
 * {@code Authorization: Bearer <access_token>} until it expires (see {@link ApiTokens}). The answer has the shape
 * of an OAuth 2.0 access token response (RFC 6749 §5.1).
 */
@RestController
@Tag(name = "Accounts", description = "Account and API key administration (administrators)")
@RequiredArgsConstructor
class ApiTokenApi {

	private final ApiTokens tokens;

	@PostMapping("/api/v1/accounts/token")
	@Operation(summary = "A bearer token for the account that sends its password (HTTP Basic): "
			+ "{access_token, token_type, expires_in}; later requests then skip the password check")
	ResponseEntity<Map<String, Object>> token() {
		ApiTokens.Issued issued = tokens.issueFor(SecurityContextHolder.getContext().getAuthentication())
			.orElseThrow(() -> new ForbiddenException("A token is issued for an account's password (HTTP Basic) only, "
					+ "not for an API key or another token."));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", issued.value());
		body.put("token_type", "Bearer");
		body.put("expires_in", issued.expiresInSeconds());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}
}
