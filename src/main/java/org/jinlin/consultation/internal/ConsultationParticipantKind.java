package org.jinlin.consultation.internal;

/** Who takes part: residents' representatives, stakeholders, units, experts. */
public enum ConsultationParticipantKind {
	REPRESENTATIVE, STAKEHOLDER, UNIT, EXPERT
}
