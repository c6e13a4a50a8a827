package org.jinlin.shared.web;

/**
 * The task a navigation item belongs to. The navbar shows one dropdown per group (in this order), so it stays one
 * short row at any width; a group with a single visible item is shown as a plain link, and {@link #TOP} items are
 * always plain links (the elder's call for help).
 */
public enum NavigationGroup {

	/** Shown directly, never in a dropdown. */
	TOP,
	/** 诉求: the queue, measures, the public board, a resident's own demands. */
	DEMANDS,
	/** 养老: alarms, the elderly register, care facilities. */
	CARE,
	/** 党建与志愿: party organisations, members in service, micro-wishes, volunteers, service hours. */
	COMMUNITY,
	/** 便民圈: the 15-minute circle. */
	CIRCLE,
	/** 管理: territory, residents, accounts, audit. */
	ADMIN,
	/** 更多: items whose module names no group. */
	MORE;

	/** Message key of the group's label. */
	public String labelKey() {
		return "nav.group." + name().toLowerCase(java.util.Locale.ROOT);
	}
}
