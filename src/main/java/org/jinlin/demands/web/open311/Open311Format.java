package org.jinlin.demands.web.open311;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

/** The two formats of GeoReport v2, chosen by the resource's suffix ({@code .json}, {@code .xml}); JSON without one. */
public enum Open311Format {

	JSON(new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8)),
	XML(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8));

	private final MediaType mediaType;

	Open311Format(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	MediaType mediaType() {
		return mediaType;
	}

	/** The format named by a path suffix ({@code json} or {@code xml}); JSON when there is none. */
	static Open311Format of(String suffix) {
		return "xml".equalsIgnoreCase(suffix) ? XML : JSON;
	}

	/** The format a request asked for by its path, also for errors raised before a handler ran. */
	static Open311Format of(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri != null && uri.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? XML : JSON;
	}
}
