package org.jinlin.people;

import java.util.List;
import java.util.Set;

/** A batch of residents was registered by bulk import (one event per JDBC batch of up to 1,000). Ids only. */
public record ResidentsRegistered(List<Long> residentIds, Set<Long> communityIds, String by) {
}
