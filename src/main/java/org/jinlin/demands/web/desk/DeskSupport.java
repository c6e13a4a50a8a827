package org.jinlin.demands.web.desk;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.PhotoUpload;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** Shared helpers of the desk pages: binding errors for the templates, messages. */
@Component
@RequiredArgsConstructor
public class DeskSupport {

	/** Times are shown in the city's zone. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final MessageSource messages;

	String msg(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** Field messages under their form's prefix (e.g. {@code resolve.reply}), as several forms share a page. */
	static Map<String, List<String>> prefixed(Map<String, List<String>> errors, String prefix) {
		Map<String, List<String>> keyed = new LinkedHashMap<>();
		errors.forEach((field, messages) -> keyed.put(prefix + "." + field, messages));
		return keyed;
	}

	/** Values that could not be converted (a word in a number field, a bad date). */
	Map<String, List<String>> bindingErrors(BindingResult binding, String prefix) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(fe -> errors
			.computeIfAbsent(prefix == null || prefix.isEmpty() ? fe.getField() : prefix + "." + fe.getField(),
					k -> new ArrayList<>())
			.add(msg("demands.desk.error.format")));
		return errors;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
