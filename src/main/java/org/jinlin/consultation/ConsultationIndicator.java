package org.jinlin.consultation;

/**
 * The consultation indicators other modules may ask for (the quality cockpit), over every consultation of the
 * territory so far:
 * <ul>
 * <li>{@link #QUORUM_MET}: of the sittings held, those whose quorum was met; the records are the sittings;</li>
 * <li>{@link #RESULTS_PUBLISHED}: of the topics whose decision was published, those whose result was published
 * too; the records are the topics;</li>
 * <li>{@link #SATISFACTION}: of residents' ratings of published results, 满意 and 基本满意; the records are the
 * ratings (the topic rated, never the resident).</li>
 * </ul>
 */
public enum ConsultationIndicator {
	QUORUM_MET, RESULTS_PUBLISHED, SATISFACTION
}
