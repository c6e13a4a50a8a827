package org.jinlin.consultation;

/**
 * A consultation indicator's figure for a territory: {@code count} records of which {@code met} meet it, and the
 * share in percent (one decimal); {@code value} is {@code null} when nothing was counted, never 0 or 100 for nothing.
 */
public record ConsultationFigure(ConsultationIndicator indicator, Double value, long count, long met) {
}
