package org.jinlin.servicehours;

/** Where a service record comes from. */
public enum ServiceSource {
	/** A resident's micro-wish (微心愿) fulfilled by a member, unit or volunteer. */
	MICRO_WISH,
	/** A shift on a community service post (服务岗位). */
	SERVICE_POST,
	/** A volunteer activity (志愿活动), hours confirmed by its organiser. */
	ACTIVITY,
	/** A resident's demand handed to a member or volunteer, closed. */
	DEMAND,
	/** A visit by an elder's volunteer buddy. */
	VISIT,
	/** A volunteer answering an elder's emergency alarm as a backup responder. */
	ALARM,
	/** What a co-building unit delivered on an alliance commitment. */
	ALLIANCE_COMMITMENT,
	/** Anything else a community records. */
	OTHER
}
