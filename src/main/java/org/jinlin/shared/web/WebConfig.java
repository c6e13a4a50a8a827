package org.jinlin.shared.web;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie and on the
 * signed-in account ({@link AccountLocaleResolver}).
 */
@Configuration(proxyBeanMethods = false)
@lombok.RequiredArgsConstructor
class WebConfig implements WebMvcConfigurer {

	private final PagingParameters pagingParameters;

	private final AccountPreferencesInterceptor accountPreferences;

	/** Every string of a JSON body as {@link RequestText#clean} leaves it (lone surrogates, control characters out). */
	@Bean
	tools.jackson.databind.JacksonModule cleanJsonStrings() {
		tools.jackson.databind.module.SimpleModule module = new tools.jackson.databind.module.SimpleModule("jinlin-request-text");
		module.addDeserializer(String.class, new tools.jackson.databind.deser.jdk.StringDeserializer() {
			@Override
			public String deserialize(tools.jackson.core.JsonParser p, tools.jackson.databind.DeserializationContext ctxt) {
				return RequestText.clean(super.deserialize(p, ctxt));
			}
		});
		return module;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// the account's stored language and 长辈模式 first, so an explicit ?lang= on the same request wins
		registry.addInterceptor(accountPreferences);
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(pagingParameters);
	}
}
