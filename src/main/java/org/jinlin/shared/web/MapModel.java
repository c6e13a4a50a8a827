package org.jinlin.shared.web;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The map settings on every page, in one place: the page decorator writes them into a {@code <meta name="jl-map">}
 * that {@code jinlinMap(el)} in jinlin.js reads, so every map is created the same way.
 */
@ControllerAdvice
@EnableConfigurationProperties(MapSettings.class)
@RequiredArgsConstructor
class MapModel {

	private final MapSettings settings;

	@ModelAttribute("jlMap")
	MapSettings.Tiles map() {
		return settings.tiles();
	}
}
