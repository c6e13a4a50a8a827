package org.jinlin.carefacilities;

/**
 * A facility indicator's figure for a territory: {@code count} records (facilities with beds, or communities) of
 * which {@code met} meet it (all the facilities; the covered communities) and the value: beds per 1,000 elderly, or
 * the covered share in percent (one decimal). {@code value} is {@code null} when there is nothing to compute it
 * from (no elderly population recorded; no communities), never 0 or 100 for nothing.
 */
public record FacilityFigure(FacilityIndicator indicator, Double value, long count, long met) {
}
