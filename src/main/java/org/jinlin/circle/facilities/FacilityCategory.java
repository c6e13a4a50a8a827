package org.jinlin.circle.facilities;

/**
 * A category of daily-life facility (MOFCOM 2021 guide), configurable per city.
 *
 * @param code stable code, e.g. {@code CONVENIENCE_STORE}
 * @param basic basic (基本保障类) rather than quality (品质提升类)
 * @param required counts for a community's coverage
 */
public record FacilityCategory(String code, String nameZh, String nameEn, boolean basic, boolean required,
		int sortOrder) {

	public String name(java.util.Locale locale) {
		return "zh".equals(locale.getLanguage()) || nameEn == null || nameEn.isBlank() ? nameZh : nameEn;
	}
}
