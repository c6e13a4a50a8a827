package org.jinlin.party;

/** Kinds of co-building unit (共建单位). */
public enum UnitKind {
	GOVERNMENT_AGENCY, STATE_OWNED_ENTERPRISE, SCHOOL, HOSPITAL, ENTERPRISE, SOCIAL_ORGANISATION
}
