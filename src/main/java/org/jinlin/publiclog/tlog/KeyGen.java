package org.jinlin.publiclog.tlog;

/**
 * Prints a new Ed25519 signer key for a log origin and its verifier key:
 * {@code java -cp target/classes org.jinlin.publiclog.tlog.KeyGen example.org/log}. Keep the first line secret
 * ({@code JINLIN_LOG_SIGNER_KEY}); publish the second.
 */
public final class KeyGen {

	private KeyGen() {
	}

	public static void main(String[] args) {
		if (args.length != 1 || args[0].isBlank() || args[0].contains("+") || args[0].contains(" ")) {
			System.err.println("usage: KeyGen <origin, e.g. example.org/log>");
			System.exit(2);
		}
		String signer = SignedNote.generateSignerKey(args[0]);
		System.out.println(signer);
		System.out.println(SignedNote.signer(signer).verifierKey());
	}
}
