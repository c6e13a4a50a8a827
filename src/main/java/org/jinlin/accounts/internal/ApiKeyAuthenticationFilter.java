package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.ApiKeys;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Api-Key} headers. Keys are stored only as SHA-256 hashes; a key acts
 * within its own jurisdiction and purpose and holds no role.
 */
@RequiredArgsConstructor
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final ApiKeys apiKeys;

	private final AuthenticationEntryPoint entryPoint;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null || key.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		var actor = apiKeys.authenticate(key);
		if (actor.isEmpty()) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(actor.get()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	/** An authenticated API key. */
	public static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

		private final Principal principal;

		public ApiKeyAuthentication(Actor actor) {
			super(AuthorityUtils.createAuthorityList("APIKEY_" + actor.apiKeyPurpose()));
			this.principal = new Principal(actor);
			setAuthenticated(true);
		}

		Actor actor() {
			return principal.actor();
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return principal;
		}

		record Principal(Actor actor) implements ActorPrincipal, java.io.Serializable {
			@Override
			public String toString() {
				return actor.name();
			}
		}
	}

	static Set<String> headers() {
		return Set.of(HEADER);
	}
}
