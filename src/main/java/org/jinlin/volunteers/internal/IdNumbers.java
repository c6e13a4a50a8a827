package org.jinlin.volunteers.internal;

import java.util.regex.Pattern;

/** The resident ID number's check digit (GB 11643) and the mobile number's shape. */
public final class IdNumbers {

	static final Pattern PHONE = Pattern.compile("1\\d{10}");

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = "10X98765432".toCharArray();

	private IdNumbers() {
	}

	/** Whether the text is an 18-character ID number with the right check digit. */
	public static boolean valid(String id) {
		return ID_NUMBER.matcher(id).matches() && checkDigit(id.substring(0, 17)).charAt(0) == id.charAt(17);
	}

	/** The check digit of the first 17 digits. */
	public static String checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return String.valueOf(ID_CHECK[sum % 11]);
	}
}
