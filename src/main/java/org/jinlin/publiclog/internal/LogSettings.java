package org.jinlin.publiclog.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jinlin.publiclog.tlog.SignedNote;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The log's name, its signing key and the key of the pseudonyms, from configuration ({@code jinlin.publiclog.*};
 * demo keys in application.yml, the environment in prod). Refuses to start with a signing key whose name is not the
 * origin, or a pseudonym key shorter than 32 bytes.
 */
@Component
public class LogSettings {

	private final String origin;

	private final SignedNote.Signer signer;

	private final SecretKeySpec pseudonymKey;

	private final int batch;

	private final java.time.Duration pause;

	public LogSettings(@Value("${jinlin.publiclog.origin}") String origin,
			@Value("${jinlin.publiclog.signer-key}") String signerKey,
			@Value("${jinlin.publiclog.pseudonym-key}") String pseudonymKey,
			@Value("${jinlin.publiclog.batch:2000}") int batch,
			@Value("${jinlin.publiclog.pause-between-batches:PT0S}") java.time.Duration pause) {
		this.origin = origin.strip();
		try {
			this.signer = SignedNote.signer(signerKey);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("jinlin.publiclog.signer-key: " + e.getMessage());
		}
		if (!signer.name().equals(this.origin)) {
			throw new IllegalStateException("jinlin.publiclog.signer-key is named " + signer.name() + ", not the origin "
					+ this.origin);
		}
		byte[] key = Base64.getDecoder().decode(pseudonymKey.strip());
		if (key.length < 32) {
			throw new IllegalStateException("jinlin.publiclog.pseudonym-key must be 32 random bytes in base64");
		}
		this.pseudonymKey = new SecretKeySpec(key, "HmacSHA256");
		this.batch = Math.max(1, batch);
		if (pause.isNegative()) {
			throw new IllegalStateException("jinlin.publiclog.pause-between-batches must not be negative");
		}
		this.pause = pause;
	}

	public String origin() {
		return origin;
	}

	public SignedNote.Signer signer() {
		return signer;
	}

	/** The verifier key anyone needs to check the checkpoints: published on the log page and in the README. */
	public String verifierKey() {
		return signer.verifierKey();
	}

	int batch() {
		return batch;
	}

	/** The pause between two batches of one integration run (zero: none), so a long backlog leaves the database room. */
	java.time.Duration pauseBetweenBatches() {
		return pause;
	}

	/**
	 * The pseudonym of a person on the log: a keyed hash of her key (HMAC-SHA256, 16 bytes in hex). The platform can
	 * show a person her own pseudonym; nobody without the key can tell whose it is or compute anyone's.
	 */
	public String pseudonym(String personKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(pseudonymKey);
			byte[] digest = mac.doFinal(("person:" + personKey).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}
}
