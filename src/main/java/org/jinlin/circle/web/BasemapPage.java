package org.jinlin.circle.web;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /maps/basemap?bbox=west,south,east,north&zoom=z}: the basemap every map page draws (see {@link Basemap}),
 * read with the page's session. Cached by the browser for an hour (the client asks for boxes snapped to a grid, so
 * panning back reuses them); a malformed or too large box is a 400 problem+json.
 */
@Controller
@RequiredArgsConstructor
class BasemapPage {

	private final Basemap basemap;

	private final MessageSource messages;

	@GetMapping("/maps/basemap")
	ResponseEntity<?> basemap(@RequestParam(required = false) String bbox, @RequestParam(required = false) String zoom) {
		BasemapBox box;
		try {
			box = BasemapBox.parse(bbox, zoom);
		}
		catch (IllegalArgumentException e) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					messages.getMessage("maps.basemap.badBox", null, LocaleContextHolder.getLocale()));
			problem.setTitle(messages.getMessage("maps.basemap.badBox.title", null, LocaleContextHolder.getLocale()));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		Map<String, Object> body = basemap.features(box);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}
}
