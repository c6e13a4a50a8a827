/**
 * The UI shell: sign-in page, the home page, the navigation bar (built from the modules' contributed menu
 * entries), the officials' overview on the home page (open alarms, overdue demands, uncovered communities, a participant's unread consultation invitations, read
 * through those modules' figure services) and the jurisdiction picker with which officials narrow the UI to part of their jurisdiction.
 * It offers no API to other modules: its controllers live in {@code web}, its permission rule in
 * {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal", allowedDependencies = { "territory", "alarms", "demands",
		"circle", "consultation", "shared" })
package org.jinlin.portal;
