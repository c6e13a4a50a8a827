package org.jinlin.circle.coverage;

import java.util.List;

/** Where new facilities of a category would reach the most residents who lack one within the threshold. */
public interface Suggestions {

	/** Up to {@code count} locations under a territory path (the caller's jurisdiction), greedy order. */
	List<Suggestion> suggest(String category, String territoryPath, int count);
}
