package org.jinlin.publiclog.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed notes with Ed25519 (the JDK's own implementation): a text ending in a newline, a blank line, and one
 * line per signature, {@code — <name> <base64(key id || signature)>}. The key id is the first four bytes of
 * SHA-256(name || 0x0A || 0x01 || public key). Keys are written as the Go {@code note} package writes them: a verifier
 * key {@code <name>+<hex key id>+<base64(0x01 || public key)>} and a signer key
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>}.
 */
public final class SignedNote {

	private static final byte ALG_ED25519 = 0x01;

	private static final String DASH = "\u2014 ";

	/** X.509 and PKCS#8 prefixes that wrap a raw 32-byte Ed25519 key for the JDK's key factory. */
	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private SignedNote() {
	}

	/** A signer: the key's name, its private key and the matching verifier key string. */
	public record Signer(String name, PrivateKey privateKey, byte[] publicKey) {

		public byte[] keyId() {
			return SignedNote.keyId(name, publicKey);
		}

		/** The verifier key as the note format writes it: what the README and the public board publish. */
		public String verifierKey() {
			return name + "+" + HexFormat.of().formatHex(keyId()) + "+" + Base64.getEncoder().encodeToString(prefixed(publicKey));
		}
	}

	/** A verifier: the key's name, id and public key. */
	public record Verifier(String name, byte[] keyId, PublicKey publicKey) {
	}

	/** A new random signing key with the given name (for the demo, or to print one for production). */
	public static String generateSignerKey(String name) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			byte[] pkcs8 = pair.getPrivate().getEncoded();
			byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
			byte[] pub = raw(pair.getPublic());
			return "PRIVATE+KEY+" + name + "+" + HexFormat.of().formatHex(keyId(name, pub)) + "+"
					+ Base64.getEncoder().encodeToString(prefixed(seed));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
		}
	}

	/** Reads a signer key string ({@code PRIVATE+KEY+name+id+key}). */
	public static Signer signer(String key) {
		String[] parts = key.strip().split("\\+", 5);
		if (parts.length != 5 || !"PRIVATE".equals(parts[0]) || !"KEY".equals(parts[1])) {
			throw new IllegalArgumentException("A signer key reads PRIVATE+KEY+<name>+<key id>+<key>");
		}
		byte[] seed = unprefixed(parts[4]);
		try {
			PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
			byte[] publicKey = publicFromSeed(privateKey);
			Signer signer = new Signer(parts[2], privateKey, publicKey);
			if (!HexFormat.of().formatHex(signer.keyId()).equals(parts[3])) {
				throw new IllegalArgumentException("The signer key's id does not match its name and key");
			}
			return signer;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("Not an Ed25519 signer key", e);
		}
	}

	/** Reads a verifier key string ({@code name+id+key}). */
	public static Verifier verifier(String key) {
		String[] parts = key.strip().split("\\+", 3);
		if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
			throw new IllegalArgumentException("A verifier key reads <name>+<8 hex digits>+<base64 key>");
		}
		byte[] publicKey = unprefixed(parts[2]);
		byte[] id = HexFormat.of().parseHex(parts[1]);
		if (!MessageDigest.isEqual(id, keyId(parts[0], publicKey))) {
			throw new IllegalArgumentException("The verifier key's id does not match its name and key");
		}
		try {
			return new Verifier(parts[0], id,
					KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey))));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("Not an Ed25519 public key", e);
		}
	}

	/** Signs a text (which must end in a newline) and returns the whole note. */
	public static String sign(String text, Signer signer) {
		if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
			throw new IllegalArgumentException("A note's text is non-empty, has no blank line and ends in a newline");
		}
		try {
			Signature ed = Signature.getInstance("Ed25519");
			ed.initSign(signer.privateKey());
			ed.update(text.getBytes(StandardCharsets.UTF_8));
			byte[] signature = concat(signer.keyId(), ed.sign());
			return text + "\n" + DASH + signer.name() + " " + Base64.getEncoder().encodeToString(signature) + "\n";
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not sign", e);
		}
	}

	/**
	 * The text of a note if it carries a valid signature by the verifier's key; otherwise an exception saying why.
	 * Signatures by other keys are ignored (a note may be cosigned by witnesses).
	 */
	public static String open(String note, Verifier verifier) {
		int split = note.lastIndexOf("\n\n");
		if (split < 0 || !note.endsWith("\n")) {
			throw new IllegalArgumentException("Not a signed note: no blank line before the signatures");
		}
		String text = note.substring(0, split + 1);
		boolean found = false;
		for (String line : note.substring(split + 2, note.length() - 1).split("\n")) {
			if (!line.startsWith(DASH)) {
				throw new IllegalArgumentException("A signature line starts with an em dash and a space");
			}
			String[] parts = line.substring(DASH.length()).split(" ");
			if (parts.length != 2) {
				throw new IllegalArgumentException("A signature line holds a name and a signature");
			}
			byte[] signature;
			try {
				signature = Base64.getDecoder().decode(parts[1]);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("A signature is base64", e);
			}
			if (!parts[0].equals(verifier.name()) || signature.length < 4
					|| !MessageDigest.isEqual(Arrays.copyOf(signature, 4), verifier.keyId())) {
				continue;
			}
			found = true;
			try {
				Signature ed = Signature.getInstance("Ed25519");
				ed.initVerify(verifier.publicKey());
				ed.update(text.getBytes(StandardCharsets.UTF_8));
				if (ed.verify(Arrays.copyOfRange(signature, 4, signature.length))) {
					return text;
				}
			}
			catch (GeneralSecurityException e) {
				// a malformed signature is simply not valid
			}
		}
		throw new IllegalArgumentException(found ? "The signature by " + verifier.name() + " is not valid"
				: "The note is not signed by " + verifier.name());
	}

	static byte[] keyId(String name, byte[] publicKey) {
		MessageDigest sha = TreeHashes.sha256();
		sha.update(name.getBytes(StandardCharsets.UTF_8));
		sha.update((byte) 0x0A);
		sha.update(ALG_ED25519);
		sha.update(publicKey);
		return Arrays.copyOf(sha.digest(), 4);
	}

	private static byte[] publicFromSeed(PrivateKey privateKey) throws GeneralSecurityException {
		// The JDK has no call from seed to public key, but its generator draws exactly the 32-byte seed from the
		// random source it is given: fed the stored seed, it derives the same pair again (RFC 8032 section 5.1.5).
		KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
		byte[] pkcs8 = privateKey.getEncoded();
		byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
		generator.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedRandom(seed));
		return raw(generator.generateKeyPair().getPublic());
	}

	private static byte[] raw(PublicKey key) {
		byte[] x509 = key.getEncoded();
		return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
	}

	private static byte[] prefixed(byte[] key) {
		return concat(new byte[] { ALG_ED25519 }, key);
	}

	private static byte[] unprefixed(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("A key is base64", e);
		}
		if (bytes.length != 33 || bytes[0] != ALG_ED25519) {
			throw new IllegalArgumentException("Only Ed25519 keys (algorithm 1, 32 bytes) are supported");
		}
		return Arrays.copyOfRange(bytes, 1, 33);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** Hands the key generator the stored seed as its "random" bytes, so it derives the same key pair again. */
	private static final class FixedRandom extends java.security.SecureRandom {

		private final byte[] seed;

		FixedRandom(byte[] seed) {
			this.seed = seed.clone();
		}

		@Override
		public void nextBytes(byte[] bytes) {
			System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
		}
	}
}
