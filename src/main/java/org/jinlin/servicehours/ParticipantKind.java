package org.jinlin.servicehours;

/** Who registered to serve. */
public enum ParticipantKind {
	/** A party member in service registering with the community of residence (在职党员报到). */
	PARTY_MEMBER,
	/** A unit's party organisation registering with a community (单位党组织报到). */
	UNIT,
	/** A registered volunteer (注册志愿者). */
	VOLUNTEER
}
