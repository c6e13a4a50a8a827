package org.jinlin.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for API clients, so that a client pays the password check (bcrypt, deliberately slow) once per
 * token instead of once per request: {@code POST /api/v1/accounts/token} with HTTP Basic answers a signed JWT
 * (RFC 7519, HS256 with {@code jinlin.api-tokens.key}, shared by every instance), which Spring Security's
 * resource server checks on each request ({@code Authorization: Bearer …}). Each request still loads the account,
 * so a token stops working at once when the account is disabled or its password changes (the token carries a
 * fingerprint of the password hash), and it acts with the account's roles and jurisdiction as they are now.
 */
@Component
public class ApiTokens {

	static final String ISSUER = "jinlin";

	private final AccountRepository accounts;

	private final SecretKey key;

	private final Duration lifetime;

	private final Clock clock;

	private final NimbusJwtEncoder encoder;

	private final NimbusJwtDecoder decoder;

	@Autowired
	public ApiTokens(AccountRepository accounts, @Value("${jinlin.api-tokens.key}") String key,
			@Value("${jinlin.api-tokens.lifetime:PT15M}") Duration lifetime) {
		this(accounts, key, lifetime, Clock.systemUTC());
	}

	/** With a clock of its own: tests issue tokens that have already expired. */
	public ApiTokens(AccountRepository accounts, String key, Duration lifetime, Clock clock) {
		this.accounts = accounts;
		byte[] bytes = Base64.getDecoder().decode(key.strip());
		if (bytes.length < 32) {
			throw new IllegalStateException("jinlin.api-tokens.key must be 32 random bytes in base64");
		}
		if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(24)) > 0) {
			throw new IllegalStateException("jinlin.api-tokens.lifetime must be between 1 second and 24 hours");
		}
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
		this.lifetime = lifetime;
		this.clock = clock;
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(this.key));
		this.decoder = NimbusJwtDecoder.withSecretKey(this.key).macAlgorithm(MacAlgorithm.HS256).build();
		this.decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
	}

	/** A token issued: the value and how many seconds it lasts. */
	public record Issued(String value, long expiresInSeconds) {
	}

	/** The authentication of a request that came with a bearer token (not a password). */
	public static final class BearerAuthentication extends UsernamePasswordAuthenticationToken {

		private static final long serialVersionUID = 1L;

		BearerAuthentication(AccountPrincipal principal) {
			super(principal, null, principal.getAuthorities());
		}
	}

	/**
	 * A token for the account that authenticated with its password in this request; empty for anything else (an
	 * API key, or a bearer token: a token cannot be stretched by exchanging it for the next).
	 */
	public Optional<Issued> issueFor(Authentication authentication) {
		if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication instanceof BearerAuthentication
				|| !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		AccountPrincipal account = accounts.findPrincipal(authentication.getName()).filter(AccountPrincipal::isEnabled)
			.orElse(null);
		if (account == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(account.getUsername())
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.claim("cred", fingerprint(account.getPassword()))
			.build();
		String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return Optional.of(new Issued(value, lifetime.toSeconds()));
	}

	/** Checks signature, issuer and expiry. */
	public JwtDecoder decoder() {
		return decoder;
	}

	/** From a valid token to the account as it is now; refused if it is gone, disabled or its password changed. */
	public Converter<Jwt, AbstractAuthenticationToken> authentication() {
		return jwt -> {
			AccountPrincipal account = accounts.findPrincipal(jwt.getSubject())
				.orElseThrow(() -> new InvalidBearerTokenException("The token's account no longer exists"));
			if (!account.isEnabled()) {
				throw new InvalidBearerTokenException("The token's account is disabled");
			}
			if (!Objects.equals(jwt.getClaimAsString("cred"), fingerprint(account.getPassword()))) {
				throw new InvalidBearerTokenException("The account's password has changed since the token was issued");
			}
			return new BearerAuthentication(account);
		};
	}

	/** A short digest of the password hash, keyed: it says nothing about the password and changes with it. */
	private String fingerprint(String passwordHash) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(key.getEncoded());
			sha.update(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 22);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
