package org.jinlin.shared.spreadsheet;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The engine's own texts (reasons, report headers, template notes) from the {@code i18n/imports}
 * bundle: Simplified Chinese by default, English for English locales. Plain Java, no Spring.
 */
public final class SpreadsheetMessages {

	static final String BUNDLE = "i18n/imports";

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final ResourceBundle bundle;

	private final Locale locale;

	private SpreadsheetMessages(Locale locale) {
		this.locale = locale;
		this.bundle = ResourceBundle.getBundle(BUNDLE, locale, SpreadsheetMessages.class.getClassLoader(), NO_FALLBACK);
	}

	public static SpreadsheetMessages of(Locale locale) {
		return new SpreadsheetMessages(locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
	}

	public Locale locale() {
		return locale;
	}

	public boolean english() {
		return "en".equals(locale.getLanguage());
	}

	public String get(String key, Object... args) {
		String pattern;
		try {
			pattern = bundle.getString(key);
		}
		catch (MissingResourceException e) {
			return key;
		}
		return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
	}
}
