package org.jinlin.demands.internal;

import java.util.regex.Pattern;

/** Blanks what looks like a mobile number, an ID-card number or a landline in free text meant for the public. */
public final class Redaction {

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

	private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])");

	private Redaction() {
	}

	public static String redact(String text) {
		if (text == null) {
			return null;
		}
		String s = ID_NUMBER.matcher(text).replaceAll("******************");
		s = MOBILE.matcher(s).replaceAll("***********");
		return LANDLINE.matcher(s).replaceAll("********");
	}
}
