package org.jinlin.people.internal;

import org.jinlin.people.Gender;
import org.jinlin.people.ResidentDraft;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of a resident, free of Spring so the bulk importer can run them row by row.
 * Messages never contain the checked personal values.
 * <ul>
 * <li>ID-card number: GB 11643-1999, 18 characters, known province in the 6-digit region code,
 * a real birth date, ISO 7064 MOD 11-2 check character; gender and birth date must agree with it.</li>
 * <li>Phone (optional): mainland mobile {@code 1[3-9]xxxxxxxxx} (optionally +86) or landline
 * {@code 0xx(x)-xxxxxxx(x)}.</li>
 * <li>Name 1-50 characters without control characters; birth date from 1900-01-01 to today;
 * unit and room at most 20 characters; tags from {@link ResidentTag}.</li>
 * </ul>
 */
public final class ResidentDraftValidation {

	/** Dates are judged in the city's time zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	public static final int NAME_MAX = 50;

	public static final int UNIT_MAX = 20;

	public static final int ROOM_MAX = 20;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

	/** Province-level prefixes of GB/T 2260 (83: residence permits of Taiwan residents). */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[1-9]\\d{6,7}(-\\d{1,6})?");

	private ResidentDraftValidation() {
	}

	/**
	 * A broken rule.
	 *
	 * @param field the draft field, e.g. {@code idNumber}
	 * @param code message key in the people bundle ({@code people.error.*})
	 * @param message English default message
	 */
	public record FieldError(String field, String code, String message) {
	}

	/** Checks all rules against today in {@link #ZONE}; an empty list means the draft is valid. */
	public static List<FieldError> validate(ResidentDraft draft) {
		return validate(draft, LocalDate.now(ZONE));
	}

	/** Checks all rules against the given day. */
	public static List<FieldError> validate(ResidentDraft draft, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		checkName(draft.name(), errors);

		String id = normalizeIdNumber(draft.idNumber());
		IdCard card = null;
		if (id == null) {
			errors.add(new FieldError("idNumber", "people.error.idNumber.required", "ID number is required"));
		}
		else {
			String code = idNumberProblem(id, today);
			if (code != null) {
				errors.add(new FieldError("idNumber", code, idMessage(code)));
			}
			else {
				card = IdCard.parse(id);
			}
		}

		if (draft.gender() == null) {
			errors.add(new FieldError("gender", "people.error.gender.required", "Gender is required"));
		}
		else if (card != null && card.gender() != draft.gender()) {
			errors.add(new FieldError("gender", "people.error.gender.mismatch", "Gender does not match the ID number"));
		}

		LocalDate birth = draft.birthDate();
		if (birth == null) {
			errors.add(new FieldError("birthDate", "people.error.birthDate.required", "Birth date is required"));
		}
		else if (birth.isAfter(today)) {
			errors.add(new FieldError("birthDate", "people.error.birthDate.future", "Birth date is in the future"));
		}
		else if (birth.isBefore(EARLIEST_BIRTH_DATE)) {
			errors.add(new FieldError("birthDate", "people.error.birthDate.tooEarly", "Birth date is before 1900"));
		}
		else if (card != null && !card.birthDate().equals(birth)) {
			errors.add(new FieldError("birthDate", "people.error.birthDate.mismatch",
					"Birth date does not match the ID number"));
		}

		String phone = normalizePhone(draft.phone());
		if (phone != null && !phoneValid(phone)) {
			errors.add(new FieldError("phone", "people.error.phone.format", "Not a mainland mobile or landline number"));
		}

		if (draft.buildingId() == null) {
			errors.add(new FieldError("buildingId", "people.error.buildingId.required", "Building is required"));
		}
		checkShort("unit", draft.unit(), UNIT_MAX, errors);
		checkShort("room", draft.room(), ROOM_MAX, errors);
		if (draft.tags() != null && draft.tags().stream().anyMatch(java.util.Objects::isNull)) {
			errors.add(new FieldError("tags", "people.error.tags.unknown", "Unknown tag"));
		}
		return errors;
	}

	/** Trimmed, upper-case (a trailing x becomes X); {@code null} for blank. */
	public static String normalizeIdNumber(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		return id.strip().toUpperCase(Locale.ROOT);
	}

	/** Without spaces; {@code null} for blank. */
	public static String normalizePhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		return phone.replaceAll("\\s+", "");
	}

	/** Whether the (normalized) ID number is valid today. */
	public static boolean idNumberValid(String id) {
		String n = normalizeIdNumber(id);
		return n != null && idNumberProblem(n, LocalDate.now(ZONE)) == null;
	}

	/** Whether the (normalized) phone is a mainland mobile or landline number. */
	public static boolean phoneValid(String phone) {
		String p = normalizePhone(phone);
		return p != null && (MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches());
	}

	/** The message key of the first broken ID-number rule, or {@code null} if valid. */
	static String idNumberProblem(String id, LocalDate today) {
		if (id.length() != 18 || !ID_SHAPE.matcher(id).matches()) {
			return "people.error.idNumber.format";
		}
		if (!PROVINCES.contains(id.substring(0, 2))) {
			return "people.error.idNumber.region";
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return "people.error.idNumber.birthDate";
		}
		if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH_DATE)) {
			return "people.error.idNumber.birthDate";
		}
		if (checkChar(id) != id.charAt(17)) {
			return "people.error.idNumber.checksum";
		}
		return null;
	}

	/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
	public static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS[sum % 11];
	}

	private static String idMessage(String code) {
		return switch (code) {
			case "people.error.idNumber.format" -> "ID number must be 17 digits and a digit or X";
			case "people.error.idNumber.region" -> "ID number has an unknown region code";
			case "people.error.idNumber.birthDate" -> "ID number contains an impossible birth date";
			default -> "ID number check character is wrong";
		};
	}

	private static void checkName(String name, List<FieldError> errors) {
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "people.error.name.required", "Name is required"));
			return;
		}
		String n = name.strip();
		int length = n.codePointCount(0, n.length());
		if (length > NAME_MAX) {
			errors.add(new FieldError("name", "people.error.name.length", "Name is longer than 50 characters"));
		}
		else if (hasControl(n)) {
			errors.add(new FieldError("name", "people.error.name.chars", "Name contains control characters"));
		}
	}

	private static void checkShort(String field, String value, int max, List<FieldError> errors) {
		if (value == null) {
			return;
		}
		String v = value.strip();
		if (v.codePointCount(0, v.length()) > max) {
			errors.add(new FieldError(field, "people.error." + field + ".length", "At most " + max + " characters"));
		}
		else if (hasControl(v)) {
			errors.add(new FieldError(field, "people.error." + field + ".chars", "Contains control characters"));
		}
	}

	private static boolean hasControl(String s) {
		return s.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
				&& c != 0x200D);
	}

	/** What a valid ID number says about its holder. */
	record IdCard(String regionCode, LocalDate birthDate, Gender gender) {

		static IdCard parse(String id) {
			LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
			Gender gender = (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
			return new IdCard(id.substring(0, 6), birth, gender);
		}
	}
}
