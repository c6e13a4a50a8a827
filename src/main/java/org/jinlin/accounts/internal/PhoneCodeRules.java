package org.jinlin.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The rules of one-time phone codes and of matching a sign-up to the register, without Spring: a code has six digits,
 * is kept only as a salted hash, expires after {@link #LIFETIME}, allows {@link #MAX_TRIES} tries and is used once; a
 * new code for the same phone waits {@link #RESEND_PAUSE}, and at most {@link #PER_PHONE_PER_HOUR} codes per phone
 * and {@link #PER_SOURCE_PER_HOUR} per source address are sent in an hour.
 */
public final class PhoneCodeRules {

	public static final Duration LIFETIME = Duration.ofMinutes(10);

	public static final int MAX_TRIES = 5;

	public static final Duration RESEND_PAUSE = Duration.ofSeconds(60);

	public static final int PER_PHONE_PER_HOUR = 5;

	public static final int PER_SOURCE_PER_HOUR = 20;

	/** Mainland mobile numbers: 11 digits starting 13–19. */
	private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");

	private static final Pattern ID_SUFFIX = Pattern.compile("[0-9]{5}[0-9X]");

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	/** Letters and digits that cannot be mistaken for one another when read aloud or printed. */
	private static final String USERNAME_CHARS = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PhoneCodeRules() {
	}

	/** A mobile number without spaces, dashes or a leading +86, or {@code null} if it is not one. */
	public static String phone(String input) {
		if (input == null) {
			return null;
		}
		String p = input.replaceAll("[\\s-]", "");
		if (p.startsWith("+86")) {
			p = p.substring(3);
		}
		return PHONE.matcher(p).matches() ? p : null;
	}

	/** The last six characters of an ID number, upper-case, or {@code null} if they are not six digits (last may be X). */
	public static String idSuffix(String input) {
		if (input == null) {
			return null;
		}
		String s = input.strip().toUpperCase(Locale.ROOT);
		return ID_SUFFIX.matcher(s).matches() ? s : null;
	}

	/** The suffix as staff see it: the last four characters, like the register's masked ID numbers. */
	public static String maskedIdSuffix(String suffix) {
		return "**" + suffix.substring(2);
	}

	/** A fresh code of six digits. */
	public static String newCode(RandomGenerator random) {
		return String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
	}

	public static String newCode() {
		return newCode(RANDOM);
	}

	/** The stored form of a code: a random salt and SHA-256 of salt and code, {@code salt:hash} in hex. */
	public static String hash(String code) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		String s = HexFormat.of().formatHex(salt);
		return s + ":" + sha256(s + ":" + code);
	}

	/** Whether the typed code is the one stored (constant-time comparison). */
	public static boolean sameCode(String stored, String typed) {
		if (stored == null || typed == null || !CODE.matcher(typed.strip()).matches()) {
			return false;
		}
		int colon = stored.indexOf(':');
		if (colon < 0) {
			return false;
		}
		String expected = stored.substring(colon + 1);
		String actual = sha256(stored.substring(0, colon) + ":" + typed.strip());
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
	}

	/** SHA-256 as lower-case hex (also for invitation tokens, which are long and random). */
	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 not available", e);
		}
	}

	/** What a code's state says about a try. */
	public enum Check {
		/** The right code, in time, with tries left: the code is now used. */
		ACCEPTED,
		/** A wrong code: one try fewer. */
		WRONG,
		/** Past its lifetime, used, or out of tries: ask for a new code. */
		SPENT
	}

	/** A stored code as the rules see it. */
	public record StoredCode(String codeHash, Instant expiresAt, int tries, Instant usedAt) {
	}

	/** Checks a typed code against the latest code of the phone ({@code null} when there is none). */
	public static Check check(StoredCode stored, String typed, Instant now) {
		if (stored == null || stored.usedAt() != null || !now.isBefore(stored.expiresAt()) || stored.tries() >= MAX_TRIES) {
			return Check.SPENT;
		}
		return sameCode(stored.codeHash(), typed) ? Check.ACCEPTED : Check.WRONG;
	}

	/**
	 * How long to wait before another code may be sent (zero: send now).
	 *
	 * @param lastToPhone when the phone's last code was sent, or {@code null}
	 * @param toPhoneLastHour codes sent to the phone in the past hour
	 * @param fromSourceLastHour codes asked for from the source address in the past hour
	 */
	public static Duration waitBeforeSending(Instant lastToPhone, List<Instant> toPhoneLastHour,
			List<Instant> fromSourceLastHour, Instant now) {
		Duration wait = Duration.ZERO;
		if (lastToPhone != null && now.isBefore(lastToPhone.plus(RESEND_PAUSE))) {
			wait = Duration.between(now, lastToPhone.plus(RESEND_PAUSE));
		}
		wait = max(wait, hourlyWait(toPhoneLastHour, PER_PHONE_PER_HOUR, now));
		return max(wait, hourlyWait(fromSourceLastHour, PER_SOURCE_PER_HOUR, now));
	}

	private static Duration hourlyWait(List<Instant> sent, int limit, Instant now) {
		if (sent.size() < limit) {
			return Duration.ZERO;
		}
		// the oldest of the last `limit` sendings must leave the hour
		Instant oldest = sent.stream().sorted().skip(sent.size() - limit).findFirst().orElseThrow();
		Duration d = Duration.between(now, oldest.plus(Duration.ofHours(1)));
		return d.isNegative() ? Duration.ZERO : d;
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	/** Seconds to show for a wait, rounded up. */
	public static long seconds(Duration wait) {
		return (wait.toMillis() + 999) / 1000;
	}

	/**
	 * The one resident a sign-up names: exactly one candidate of the register, and not already some account's.
	 * Several candidates, none, or one already linked leave the decision to a community worker.
	 */
	public static Optional<Long> uniqueMatch(List<Long> candidates, java.util.Collection<Long> alreadyLinked) {
		return candidates.size() == 1 && !alreadyLinked.contains(candidates.get(0)) ? Optional.of(candidates.get(0))
				: Optional.empty();
	}

	/** A sign-in name for a resident's account: {@code jl} and eight unambiguous letters and digits. */
	public static String newUsername(RandomGenerator random) {
		StringBuilder b = new StringBuilder("jl");
		for (int i = 0; i < 8; i++) {
			b.append(USERNAME_CHARS.charAt(random.nextInt(USERNAME_CHARS.length())));
		}
		return b.toString();
	}

	public static String newUsername() {
		return newUsername(RANDOM);
	}

	/** A long random token for an invitation link (URL-safe). */
	public static String newToken() {
		byte[] b = new byte[24];
		RANDOM.nextBytes(b);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
