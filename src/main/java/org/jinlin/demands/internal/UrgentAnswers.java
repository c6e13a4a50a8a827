package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jinlin.demands.Urgency;

/**
 * The rules of urgent answers, Spring-free: which answer of a demand makes it urgent, its urgency and its deadlines
 * in calendar minutes (life and safety do not wait for office hours), and the catalogue form's text format, one
 * answer per line: {@code key=sign minutes,handle minutes,numbers to call}, e.g. {@code yes=5,60,119/120}.
 */
public final class UrgentAnswers {

	/** Emergency numbers a resident may be told to call: fire and rescue, medical, police. */
	public static final Set<String> NUMBERS = Set.of("119", "120", "110");

	public static final int SIGN_MAX = 1440;

	public static final int HANDLE_MAX = 10080;

	private static final Pattern LINE = Pattern.compile("([^=\\s]+)\\s*=\\s*(\\d{1,5})\\s*,\\s*(\\d{1,5})\\s*,\\s*([0-9/ ]+)");

	private UrgentAnswers() {
	}

	/**
	 * The urgent answer among a demand's stored answers (multiple choices joined by commas), the strictest if
	 * several: the shortest sign-for deadline, then the shortest handling deadline.
	 */
	public static Optional<UrgentAnswer> match(List<CategoryAttribute> questions, Map<String, String> answers) {
		if (answers == null || answers.isEmpty()) {
			return Optional.empty();
		}
		return questions.stream().flatMap(q -> q.urgentAnswers().stream())
			.filter(u -> chosen(answers.get(u.attributeCode()), u.choiceKey()))
			.min(Comparator.comparingInt(UrgentAnswer::signMinutes).thenComparingInt(UrgentAnswer::handleMinutes));
	}

	private static boolean chosen(String stored, String key) {
		return stored != null && Arrays.stream(stored.split(",")).map(String::strip).anyMatch(key::equals);
	}

	/** An urgent answer makes the demand an emergency, whatever its category's urgency. */
	public static Urgency urgency(Urgency category, Optional<UrgentAnswer> urgent) {
		return urgent.isPresent() ? Urgency.EMERGENCY : category;
	}

	/** When the demand must be signed for: {@code signMinutes} of calendar time after it was sent. */
	public static Instant signDue(Instant sent, UrgentAnswer urgent) {
		return sent.plusSeconds(60L * urgent.signMinutes());
	}

	/** When the demand must be handled: {@code handleMinutes} of calendar time after it was signed for. */
	public static Instant handleDue(Instant signed, UrgentAnswer urgent) {
		return signed.plusSeconds(60L * urgent.handleMinutes());
	}

	// ------------------------------------------------------------------ the catalogue form's text

	/** One question's urgent answers as the form shows them, one per line. */
	public static String format(List<UrgentAnswer> answers) {
		return String.join("\n", answers.stream()
			.map(u -> u.choiceKey() + "=" + u.signMinutes() + "," + u.handleMinutes() + "," + String.join("/", u.callNumbers()))
			.toList());
	}

	/**
	 * Parses the form's text for a question with the given choices; empty if it is blank, null if a line is not
	 * well formed, names no choice of the question, a deadline out of range or an unknown emergency number.
	 */
	public static List<UrgentAnswer> parse(String attributeCode, List<CategoryAttribute.Choice> choices, String text) {
		List<UrgentAnswer> parsed = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return parsed;
		}
		for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
			Matcher m = LINE.matcher(line);
			if (!m.matches()) {
				return null;
			}
			String key = m.group(1);
			int sign = Integer.parseInt(m.group(2));
			int handle = Integer.parseInt(m.group(3));
			List<String> numbers = Arrays.stream(m.group(4).split("/")).map(String::strip).filter(s -> !s.isEmpty())
				.distinct().toList();
			boolean known = choices.stream().anyMatch(c -> c.key().equals(key));
			boolean twice = parsed.stream().anyMatch(u -> u.choiceKey().equals(key));
			if (!known || twice || sign < 1 || sign > SIGN_MAX || handle < 1 || handle > HANDLE_MAX || numbers.isEmpty()
					|| !NUMBERS.containsAll(numbers)) {
				return null;
			}
			parsed.add(new UrgentAnswer(attributeCode, key, sign, handle, numbers));
		}
		return parsed;
	}
}
