package org.jinlin.demands.internal;

import java.util.List;

/** One page of a demand search. */
public record DemandPage(List<DemandView> items, int page, int size, long total) {
}
