package org.jinlin.circle.facilities;

/**
 * Published (inside the changing transaction) whenever the set or position of facilities the coverage
 * uses changes: a facility created, moved, closed or removed, an import, a category's required flag.
 */
public record FacilitiesChanged(String reason) {
}
