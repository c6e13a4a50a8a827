package org.jinlin.shared.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Simplified Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
@lombok.RequiredArgsConstructor
class WebConfig implements WebMvcConfigurer {

	private final PagingParameters pagingParameters;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("jinlin-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

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
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(pagingParameters);
	}
}
