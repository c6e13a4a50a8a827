package org.jinlin.shared;

import java.util.Objects;

/**
 * A subtree of the territory tree, identified by the materialized path of its root node
 * (for example {@code /1/4/17/}). A record lies inside the jurisdiction when its own
 * territory path starts with this path.
 */
public record Jurisdiction(String path) {

	public Jurisdiction {
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/") || !path.endsWith("/")) {
			throw new IllegalArgumentException("A territory path starts and ends with '/': " + path);
		}
	}

	public boolean covers(String territoryPath) {
		return territoryPath != null && territoryPath.startsWith(path);
	}

	/** Pattern for {@code territory_path LIKE ?}; paths contain only digits and slashes, so nothing to escape. */
	public String likePattern() {
		return path + "%";
	}
}
