/**
 * The UI shell: sign-in page, the home page with navigation by role, and the friendly error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.jinlin.portal;
