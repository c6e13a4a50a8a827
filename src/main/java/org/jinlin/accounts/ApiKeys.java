package org.jinlin.accounts;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.ApiKeyAuthenticationFilter;
import org.jinlin.accounts.internal.ApiKeyRepository;
import org.jinlin.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations and devices: scoped to one territory node and one {@link ApiKeyPurpose}, stored
 * hashed; the plain key is shown once, when issued. This is what other modules use to check a key; the keys
 * are administered on the accounts pages and API.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ApiKeys {

	private final ApiKeyRepository repository;

	/** The actor of a valid, unrevoked key. */
	public Optional<Actor> authenticate(String plainKey) {
		return repository.authenticate(plainKey);
	}

	/**
	 * A valid, unrevoked key as a Spring Security authentication carrying its {@link Actor}: for endpoints
	 * that take the key as a request parameter (Open311's {@code api_key}) instead of the {@code X-Api-Key}
	 * header, to act as the key for one call.
	 */
	public Optional<Authentication> authentication(String plainKey) {
		if (plainKey == null || plainKey.isBlank()) {
			return Optional.empty();
		}
		return authenticate(plainKey).map(ApiKeyAuthenticationFilter.ApiKeyAuthentication::new);
	}
}
