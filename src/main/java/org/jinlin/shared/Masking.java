package org.jinlin.shared;

/** Masking of personal data for lists, exports and logs. */
public final class Masking {

	private Masking() {
	}

	/** 350102199001011234 becomes 3501**********1234. */
	public static String idNumber(String id) {
		if (id == null || id.length() < 8) {
			return id == null ? null : "****";
		}
		return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
	}

	/** 13812345678 becomes 138****5678. */
	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "****";
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/** 张三丰 becomes 张**; used on public pages. */
	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}
}
