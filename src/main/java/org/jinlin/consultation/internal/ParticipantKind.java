package org.jinlin.consultation.internal;

/** Who takes part: residents' representatives, stakeholders, units, experts. */
public enum ParticipantKind {
	REPRESENTATIVE, STAKEHOLDER, UNIT, EXPERT
}
