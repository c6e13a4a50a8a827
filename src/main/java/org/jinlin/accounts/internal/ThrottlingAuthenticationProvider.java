package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords (form login and HTTP Basic alike) unless the name as typed, from the request's source address,
 * is throttled: then the attempt is refused with {@link SignInThrottledException} before the password is looked at,
 * the same way for known and unknown names.
 */
@RequiredArgsConstructor
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottling throttling;

	@Override
	public Authentication authenticate(Authentication authentication) {
		String source = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
		var refusal = throttling.refusal(authentication.getName(), source);
		if (refusal.isPresent()) {
			throw new SignInThrottledException(refusal.get());
		}
		return passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}
}
