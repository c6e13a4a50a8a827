package org.jinlin.accounts.internal;

import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.accounts.ApiKeys;

import java.io.IOException;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.jinlin.shared.web.JurisdictionFocusFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Four filter chains: the public Open311 API (stateless, keys checked by the endpoint), the JSON API (HTTP Basic or {@code X-Api-Key}, stateless, problem+json
 * errors), the actuator (health public, the rest for administrators), and the browser UI
 * (form login, sessions in the database, CSRF on).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	/**
	 * New passwords are hashed with bcrypt at {@code jinlin.security.bcrypt-strength} (10, Spring Security's default;
	 * the tests' profile lowers it so that thousands of HTTP Basic calls do not spend minutes hashing); every hash
	 * stored carries its own algorithm and strength, so stored passwords keep working whatever the setting.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${jinlin.security.bcrypt-strength:10}") int strength) {
		if (strength < 4 || strength > 31) {
			throw new IllegalStateException("jinlin.security.bcrypt-strength must be between 4 and 31");
		}
		var withStrength = new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt",
				java.util.Map.of("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(strength)));
		// hashes of other algorithms (none are written) are still checked by the factory's encoders
		withStrength.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return withStrength;
	}

	/** Passwords of accounts, checked only when the sign-in's source is not throttled (every chain uses it). */
	@Bean
	AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
			SignInThrottling throttling) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new ThrottlingAuthenticationProvider(passwords, throttling);
	}

	/**
	 * The Open311 GeoReport v2 API: public and stateless. Reading needs no credentials; raising a request
	 * authenticates the {@code api_key} form parameter in the endpoint itself (no session, no cookie, so no
	 * CSRF token either). Errors are rendered in the Open311 format by the endpoint's own advice.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.headers(SecurityConfig::policyHeaders);
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, ApiTokens tokens) throws Exception {
		AuthenticationEntryPoint entryPoint = problemEntryPoint();
		http.securityMatcher("/api/**")
			// Certificate verification is public (volunteers module), and so is the public log (its status aside).
			.authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/certificates/**")
				.permitAll()
				// Residents sign up and reset their password signed out (accounts module).
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/accounts/sign-up",
						"/api/v1/accounts/sign-up/code", "/api/v1/accounts/password-reset",
						"/api/v1/accounts/password-reset/code")
				.permitAll()
				// A community's service-quality certificate is public (quality module).
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/quality/certification/communities/*")
				.permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/log/checkpoint", "/api/v1/log/proof/**",
						"/api/v1/log/leaves", "/api/v1/log/leaves/**")
				.permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/log/verify/**")
				.permitAll()
				.anyRequest().access(SecurityConfig::apiAccess))
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint))
			// "Authorization: Bearer" with a token from POST /api/v1/accounts/token (ApiTokens): no password check
			.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens.authentication()))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problemAccessDenied()))
			.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BasicAuthenticationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless and cookie-less: no session for a forged request to ride on.
			.csrf(c -> c.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(problemAccessDenied()))
			.headers(SecurityConfig::policyHeaders);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.anyRequest().hasRole("ADMINISTRATOR"))
			.httpBasic(b -> b.authenticationEntryPoint(problemEntryPoint()))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.headers(SecurityConfig::policyHeaders);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http,
			org.springframework.beans.factory.ObjectProvider<org.jinlin.shared.web.MapSettings> maps) throws Exception {
		// Images from the configured tile service only (jinlin.maps.tiles.url); none configured, none allowed.
		org.jinlin.shared.web.MapSettings map = maps.getIfAvailable();
		String tiles = map == null ? "" : map.tiles().origin();
		http.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
						"/error/**", "/public/**", "/certificates/**", "/preferences/**",
						"/register", "/password-reset", "/invitations/**", "/log/checkpoint", "/log/tile/**", "/v3/api-docs",
						"/v3/api-docs/**",
						// the spaces' calendar feeds (a space's public feed; a person's feed behind its secret token)
						"/spaces/*/calendar.ics", "/spaces/me/*")
				.permitAll()
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailure()).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			// The jurisdiction picker's focus applies to browser pages only.
			.addFilterAfter(new JurisdictionFocusFilter(), AnonymousAuthenticationFilter.class)
			.headers(SecurityConfig::policyHeaders)
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data: blob:" + (tiles.isEmpty() ? "" : " " + tiles) + "; "
							+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * On every chain: the full address is never sent to another site, and only this site may ask for the camera and
	 * the location (photos and places of demands, alarms); nothing may use the microphone or payment.
	 */
	static void policyHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
		h.referrerPolicy(r -> r.policy(
				org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter("Permissions-Policy",
					"camera=(self), geolocation=(self), microphone=(), payment=()"));
	}

	/**
	 * Accounts may call the JSON API (the services then check roles and jurisdiction); API keys
	 * only for their purpose: READ keys may read, INTEGRATION keys may read and write, OPEN311
	 * keys have their own endpoints and are refused here; DEVICE keys may raise alarms
	 * ({@code POST /api/v1/alarms}) and read them ({@code GET /api/v1/alarms/...}) and nothing else; CANTEEN keys
	 * (a canteen's counter terminal) may record meal sales ({@code POST /api/v1/meals/sales}) and nothing else.
	 */
	static AuthorizationResult apiAccess(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication auth = authentication.get();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return new AuthorizationDecision(false);
		}
		if (auth instanceof ApiKeyAuthenticationFilter.ApiKeyAuthentication key) {
			String purpose = key.actor().apiKeyPurpose();
			String method = context.getRequest().getMethod();
			boolean read = "GET".equals(method) || "HEAD".equals(method);
			String path = context.getRequest().getRequestURI().substring(context.getRequest().getContextPath().length());
			if (ApiKeyPurpose.CANTEEN.name().equals(purpose)) {
				return new AuthorizationDecision("POST".equals(method) && path.equals("/api/v1/meals/sales"));
			}
			if (ApiKeyPurpose.DEVICE.name().equals(purpose)) {
				return new AuthorizationDecision(("POST".equals(method) && path.equals("/api/v1/alarms"))
						|| (read && path.startsWith("/api/v1/alarms/") && !path.startsWith("/api/v1/alarms/report")
								&& !path.startsWith("/api/v1/alarms/responders")));
			}
			return new AuthorizationDecision(ApiKeyPurpose.INTEGRATION.name().equals(purpose)
					|| (ApiKeyPurpose.READ.name().equals(purpose) && read));
		}
		return new AuthorizationDecision(true);
	}

	/**
	 * A refused form sign-in comes back to the login page saying for how many minutes sign-in from this device or
	 * network is paused (the same words whether the account exists or not); other failures show the usual message.
	 */
	static AuthenticationFailureHandler loginFailure() {
		SimpleUrlAuthenticationFailureHandler otherwise = new SimpleUrlAuthenticationFailureHandler("/login?error");
		RedirectStrategy redirect = new DefaultRedirectStrategy();
		return (request, response, e) -> {
			if (e instanceof SignInThrottledException refused) {
				redirect.sendRedirect(request, response, "/login?paused=" + refused.minutes());
				return;
			}
			otherwise.onAuthenticationFailure(request, response, e);
		};
	}

	/** 401 with a challenge; 429 with {@code Retry-After} (seconds) when the source is throttled. */
	static AuthenticationEntryPoint problemEntryPoint() {
		return (request, response, e) -> {
			if (e instanceof SignInThrottledException refused) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
				writeProblem(response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-paused", "Too many failed sign-ins from "
						+ "this address: sign-in from it is paused for " + refused.minutes() + " minutes.");
				return;
			}
			if (e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
				// RFC 6750: a bearer token that is malformed, forged, expired or whose account changed
				response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				writeProblem(response, HttpStatus.UNAUTHORIZED, "invalid-token", "The bearer token is not valid (expired, "
						+ "or its account changed): get a new one from POST /api/v1/accounts/token.");
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"jinlin\"");
			writeProblem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in or send valid credentials.");
		};
	}

	static AccessDeniedHandler problemAccessDenied() {
		return (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "forbidden",
				"You are not allowed to do this.");
	}

	static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"https://jinlin.org/problems/" + type + "\",\"title\":\""
				+ status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
	}
}
