package org.jinlin.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute address of a page as people outside reach it, for what is printed or sent (a certificate's verification
 * address and QR code): {@code jinlin.public-base-url} (e.g. {@code https://jinlin.fuzhou.gov.cn}) when set, otherwise
 * the scheme, host and port of the current request (behind a proxy from its {@code X-Forwarded-*} headers).
 */
@Component
public class PublicAddress {

	private final String baseUrl;

	PublicAddress(@Value("${jinlin.public-base-url:}") String baseUrl) {
		String b = baseUrl == null ? "" : baseUrl.strip();
		while (b.endsWith("/")) {
			b = b.substring(0, b.length() - 1);
		}
		if (!b.isEmpty() && !b.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
			throw new IllegalStateException("jinlin.public-base-url must be an http(s) address, not " + b);
		}
		this.baseUrl = b;
	}

	/** The absolute URL of a path starting with {@code /}. */
	public String of(String path) {
		String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
		return base + path;
	}
}
