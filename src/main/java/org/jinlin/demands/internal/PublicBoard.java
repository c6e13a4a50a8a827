package org.jinlin.demands.internal;

import java.util.List;

/** A page of a community's public board. */
public record PublicBoard(String communityCode, String communityName, List<PublicDemand> items, int page, int size,
		long total) {
}
