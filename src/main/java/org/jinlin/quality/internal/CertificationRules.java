package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jinlin.shared.web.FieldErrors.FieldError;

/**
 * The rules of service-quality certification, Spring-free: the weighted total of the scores (out of 100), the level
 * a total earns (thresholds as data), the validity period, a certificate's standing on a day (valid, lapsing within
 * 90 days, expired), and the checks of scores and of a checklist.
 */
public final class CertificationRules {

	/** How long before expiry a certificate counts as lapsing (and the reminder is sent). */
	public static final int LAPSING_DAYS = 90;

	public static final int NOTE_MAX = 1000;

	public static final int FILE_MAX_BYTES = 5 * 1024 * 1024;

	public static final Set<String> FILE_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{0,19}");

	private CertificationRules() {
	}

	/** A criterion as the rules see it. */
	public record Weighted(String code, int weight, int maxScore) {
	}

	/** A level and the least total it needs. */
	public record Level(String code, BigDecimal minTotal, int validYears) {
	}

	/** Where a certificate stands on a day. */
	public enum Standing {
		VALID, LAPSING, EXPIRED
	}

	/**
	 * The weighted total out of 100, one decimal: the sum of weight × score / maximum over the criteria, divided by
	 * the sum of the weights. A criterion without a score counts 0.
	 */
	public static BigDecimal total(List<Weighted> criteria, Map<String, Integer> scores) {
		BigDecimal sum = BigDecimal.ZERO;
		int weights = 0;
		for (Weighted c : criteria) {
			weights += c.weight();
			Integer s = scores.get(c.code());
			if (s != null && c.maxScore() > 0) {
				sum = sum.add(BigDecimal.valueOf((long) c.weight() * s).divide(BigDecimal.valueOf(c.maxScore()), 10,
						RoundingMode.HALF_UP));
			}
		}
		if (weights == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
	}

	/** The highest level whose threshold the total reaches; empty below the lowest. */
	public static Optional<Level> level(BigDecimal total, List<Level> levels) {
		return levels.stream()
			.filter(l -> total.compareTo(l.minTotal()) >= 0)
			.max(Comparator.comparing(Level::minTotal));
	}

	/** The last day of validity: the given years from the day of the review, less one day. */
	public static LocalDate validUntil(LocalDate from, int years) {
		return from.plusYears(years).minusDays(1);
	}

	/** Valid, lapsing (the last {@value #LAPSING_DAYS} days, the last day included) or expired (after the last day). */
	public static Standing standing(LocalDate validUntil, LocalDate today) {
		if (today.isAfter(validUntil)) {
			return Standing.EXPIRED;
		}
		return today.isAfter(validUntil.minusDays(LAPSING_DAYS)) ? Standing.LAPSING : Standing.VALID;
	}

	/** Problems with the scores of some criteria: unknown criterion, a score outside 0 to its maximum, a long note. */
	public static List<FieldError> scoreProblems(List<Weighted> criteria, Map<String, Integer> scores,
			Map<String, String> notes) {
		List<FieldError> p = new ArrayList<>();
		for (var e : scores.entrySet()) {
			Weighted c = criteria.stream().filter(w -> w.code().equals(e.getKey())).findFirst().orElse(null);
			if (c == null) {
				p.add(new FieldError("scores", "quality.cert.criterion.unknown", e.getKey()));
			}
			else if (e.getValue() != null && (e.getValue() < 0 || e.getValue() > c.maxScore())) {
				p.add(new FieldError("score." + c.code(), "quality.cert.score.range", c.maxScore()));
			}
		}
		notes.forEach((code, note) -> {
			if (note != null && note.length() > NOTE_MAX) {
				p.add(new FieldError("note." + code, "quality.cert.note.long", NOTE_MAX));
			}
		});
		return p;
	}

	/** Whether the declared type is allowed and the bytes begin as that type's files do (PDF, JPEG, PNG). */
	public static boolean fileTypeMatches(String contentType, byte[] bytes) {
		if (contentType == null || !FILE_TYPES.contains(contentType) || bytes == null || bytes.length < 4) {
			return false;
		}
		return switch (contentType) {
			case "application/pdf" -> bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
			case "image/jpeg" -> (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
			default -> (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
		};
	}

	/** The criteria that have no score. */
	public static List<String> unscored(List<Weighted> criteria, Map<String, Integer> scores) {
		return criteria.stream().map(Weighted::code).filter(c -> scores.get(c) == null).toList();
	}

	/** A criterion of a checklist being written. */
	public record Draft(String code, String section, String sectionZh, String sectionEn, String nameZh, String nameEn,
			String evidenceZh, String evidenceEn, Integer weight, Integer maxScore) {
	}

	/** Problems with a checklist: none, codes not unique or malformed, names missing or long, weights and maxima. */
	public static List<FieldError> checklistProblems(List<Draft> criteria) {
		List<FieldError> p = new ArrayList<>();
		if (criteria == null || criteria.isEmpty()) {
			p.add(new FieldError("criteria", "quality.cert.checklist.empty"));
			return p;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < criteria.size(); i++) {
			Draft d = criteria.get(i);
			String f = "criteria[" + i + "].";
			if (d == null) {
				p.add(new FieldError("criteria[" + i + "]", "quality.cert.checklist.code"));
				continue;
			}
			if (d.code() == null || !CODE.matcher(d.code()).matches() || !seen.add(d.code())) {
				p.add(new FieldError(f + "code", "quality.cert.checklist.code"));
			}
			if (d.section() == null || !Pattern.matches("[A-Z_]{1,20}", d.section())) {
				p.add(new FieldError(f + "section", "quality.cert.checklist.section"));
			}
			for (String[] t : new String[][] { { "sectionZh", d.sectionZh(), "60" }, { "sectionEn", d.sectionEn(), "100" },
					{ "nameZh", d.nameZh(), "200" }, { "nameEn", d.nameEn(), "300" }, { "evidenceZh", d.evidenceZh(), "300" },
					{ "evidenceEn", d.evidenceEn(), "400" } }) {
				if (t[1] == null || t[1].isBlank() || t[1].length() > Integer.parseInt(t[2])) {
					p.add(new FieldError(f + t[0], "quality.cert.checklist.text", Integer.parseInt(t[2])));
				}
			}
			if (d.weight() == null || d.weight() < 1 || d.weight() > 100) {
				p.add(new FieldError(f + "weight", "quality.cert.checklist.weight"));
			}
			if (d.maxScore() == null || d.maxScore() < 1 || d.maxScore() > 10) {
				p.add(new FieldError(f + "maxScore", "quality.cert.checklist.maxScore"));
			}
		}
		return p;
	}
}
