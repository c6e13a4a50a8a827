package org.jinlin.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of ID numbers and phones: AES-256-GCM with a fresh random 12-byte IV per value,
 * stored as base64 of IV || ciphertext+tag; and an HMAC-SHA256 blind index (lower-case hex) for exact
 * look-up without decrypting. Keys come from {@code jinlin.crypto.data-key} and
 * {@code jinlin.crypto.index-key} (base64, 32 bytes each); the application refuses to start without them.
 * Exceptions never carry the values.
 */
@Component
public class PersonalDataCipher {

	static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey dataKey;

	/** Cipher and Mac instances are not thread-safe but costly to look up: one per thread. */
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/GCM not available", e);
		}
	});

	private final ThreadLocal<Mac> macs;

	private final SecretKeySpec indexKey;

	public PersonalDataCipher(@Value("${jinlin.crypto.data-key:}") String dataKey,
			@Value("${jinlin.crypto.index-key:}") String indexKey) {
		this.dataKey = new SecretKeySpec(decodeKey("jinlin.crypto.data-key", dataKey), "AES");
		this.indexKey = new SecretKeySpec(decodeKey("jinlin.crypto.index-key", indexKey), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(this.indexKey);
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("HmacSHA256 not available", e);
			}
		});
	}

	private static byte[] decodeKey(String property, String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(property + " is not set (base64 of 32 random bytes)");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(property + " is not valid base64");
		}
		if (key.length < KEY_BYTES) {
			throw new IllegalStateException(property + " must decode to at least " + KEY_BYTES + " bytes, has " + key.length);
		}
		return key.length == KEY_BYTES ? key : java.util.Arrays.copyOf(key, KEY_BYTES);
	}

	/** Encrypts a value; {@code null} stays {@code null}. */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
			byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + encrypted.length).put(iv).put(encrypted).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Encryption failed: " + e.getClass().getSimpleName());
		}
	}

	/** Decrypts what {@link #encrypt} produced; fails if the value was tampered with or the key is wrong. */
	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("Decryption failed: " + e.getClass().getSimpleName());
		}
	}

	/** The blind index: HMAC-SHA256 of the value as lower-case hex (64 characters); deterministic. */
	public String blindIndex(String plain) {
		Mac mac = macs.get();
		mac.reset();
		return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
	}
}
