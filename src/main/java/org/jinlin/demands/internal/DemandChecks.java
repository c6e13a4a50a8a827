package org.jinlin.demands.internal;

import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Component;

/**
 * The input checks every demand command shares: notes and their lengths, photos, the conflict of a demand that
 * moved meanwhile. Field errors are reported through the shared {@link FieldErrors} under the summary
 * {@value #INVALID}.
 */
@Component
@RequiredArgsConstructor
public class DemandChecks {

	/** The summary message of invalid input to the demands module. */
	public static final String INVALID = "demands.error.invalid";

	public static final int DESCRIPTION_MAX = 4000;

	public static final int NOTE_MAX = 2000;

	public static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

	public static final int PHOTOS_MAX = 6;

	public static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

	private final FieldErrors errors;

	/** One field's error, localized. */
	public ValidationFailedException invalid(String field, String code, Object... args) {
		return errors.invalid(INVALID, List.of(new FieldError(field, code, args)));
	}

	/** Throws the collected errors, if any. */
	public void failIfAny(List<FieldError> problems) {
		errors.failIfAny(INVALID, problems);
	}

	/** A note that must be there, trimmed and at most {@value #NOTE_MAX} characters. */
	String required(String text, String field) {
		String t = trim(text, field);
		if (t == null) {
			throw invalid(field, "demands.note.required");
		}
		return t;
	}

	/** An optional note, trimmed (blank is null) and at most {@value #NOTE_MAX} characters. */
	String trim(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > NOTE_MAX) {
			throw invalid(field, "demands.note.too-long", NOTE_MAX);
		}
		return t;
	}

	/** At most {@value #PHOTOS_MAX} photos, each JPEG, PNG or WebP of at most 5 MB. */
	static void checkPhotos(List<PhotoUpload> photos, List<FieldError> problems) {
		if (photos == null) {
			return;
		}
		if (photos.size() > PHOTOS_MAX) {
			problems.add(new FieldError("photos", "demands.photo.too-many", PHOTOS_MAX));
		}
		for (PhotoUpload p : photos) {
			if (p.contentType() == null || !PHOTO_TYPES.contains(p.contentType())) {
				problems.add(new FieldError("photos", "demands.photo.type"));
			}
			else if (p.bytes() == null || p.bytes().length == 0 || p.bytes().length > PHOTO_MAX_BYTES) {
				problems.add(new FieldError("photos", "demands.photo.size", PHOTO_MAX_BYTES / 1024 / 1024));
			}
		}
	}

	static List<PhotoUpload> orNone(List<PhotoUpload> photos) {
		return photos == null ? List.of() : photos;
	}

	static ConflictException conflict(long id) {
		return new ConflictException("Demand " + id + " is not in a state that allows this, or changed meanwhile");
	}

	/** The longest media link kept (the column's width). */
	static final int MEDIA_URL_MAX = 1000;

	/**
	 * Whether a text is a link the public board may show: an absolute http(s) URL with a host, no white space or
	 * control characters, at most {@value #MEDIA_URL_MAX} characters. It is shown as a link and never fetched.
	 */
	static boolean isLink(String s) {
		if (s.length() > MEDIA_URL_MAX || s.codePoints().anyMatch(c -> c <= ' ' || c == 0x7F || Character.isWhitespace(c))) {
			return false;
		}
		try {
			java.net.URI uri = new java.net.URI(s);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
