package org.jinlin.demands.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A category's name in the page's language: the catalogue's English name in English where it has one, else the
 * stored (Chinese) name. Lists carry the name the demand was raised under; pages call
 * {@code ${@categoryNames.of(d.categoryCode, d.categoryName)}}. The catalogue is read once per request.
 */
@Component("categoryNames")
@RequiredArgsConstructor
public class DemandCategoryNames {

	private static final String CACHE = DemandCategoryNames.class.getName();

	private final DemandCategories categories;

	public String of(String code, String name) {
		Locale locale = LocaleContextHolder.getLocale();
		if (code == null || !"en".equals(locale.getLanguage())) {
			return name;
		}
		String english = englishNames().get(code);
		return english == null || english.isBlank() ? name : english;
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> englishNames() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object cached = request == null ? null : request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
		if (cached instanceof Map<?, ?> map) {
			return (Map<String, String>) map;
		}
		Map<String, String> names = new HashMap<>();
		for (DemandCategory c : categories.all()) {
			if (c.nameEn() != null) {
				names.put(c.code(), c.nameEn());
			}
		}
		if (request != null) {
			request.setAttribute(CACHE, names, RequestAttributes.SCOPE_REQUEST);
		}
		return names;
	}
}
