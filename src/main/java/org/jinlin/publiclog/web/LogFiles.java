package org.jinlin.publiclog.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.jinlin.publiclog.internal.LogReads;
import org.jinlin.publiclog.tlog.Tiles;
import org.jinlin.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log as static files anyone can mirror (C2SP tlog-tiles): {@code /log/checkpoint} (the signed note, never
 * cached long), {@code /log/tile/<L>/<N>[.p/<W>]} (hashes) and {@code /log/tile/entries/<N>[.p/<W>]} (entry bundles).
 * A full tile never changes and is cached for a year; a partial one for a minute.
 */
@RestController
@RequiredArgsConstructor
class LogFiles {

	private static final Pattern TILE = Pattern.compile("/log/tile/(entries|[0-9]{1,2})/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([0-9]{1,3}))?");

	private final LogReads reads;

	@GetMapping(value = "/log/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> checkpoint() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic())
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(reads.checkpoint().note());
	}

	@GetMapping("/log/tile/**")
	ResponseEntity<byte[]> tile(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher m = TILE.matcher(path);
		if (!m.matches()) {
			throw new NotFoundException("No such tile");
		}
		long index = Tiles.decodeIndex(m.group(2));
		int width = m.group(3) == null ? Tiles.WIDTH : Integer.parseInt(m.group(3));
		if (index < 0 || width < 1 || width > Tiles.WIDTH || (m.group(3) != null && width == Tiles.WIDTH)) {
			throw new NotFoundException("No such tile");
		}
		Optional<byte[]> body = "entries".equals(m.group(1)) ? reads.entries(index, width)
				: reads.tile(Integer.parseInt(m.group(1)), index, width);
		CacheControl cache = width == Tiles.WIDTH ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
				: CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
		return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(body.orElseThrow(() -> new NotFoundException("No such tile (yet)")));
	}
}
