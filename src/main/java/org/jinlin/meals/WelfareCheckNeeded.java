package org.jinlin.meals;

import java.time.LocalDate;

/**
 * A courier found nobody home at an elder who lives alone (独居, from the resident register): a missed meal that needs
 * someone to look in on her. Ids only, no personal text; {@code routeId} and {@code seq} name the stop (one check per
 * stop). The alarm desk acts on it.
 */
public record WelfareCheckNeeded(long residentId, long dinerId, long placeId, LocalDate day, long routeId, int seq) {
}
