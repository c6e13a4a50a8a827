/**
 * Cross-cutting kernel shared by every module: the acting account and its jurisdiction,
 * roles, masking of personal data and scrubbing of free text that goes public (PublicText),
 * problem+json error handling, locale and UI preferences, and the spreadsheet import/export
 * engine. It owns no business data.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		displayName = "Shared kernel")
package org.jinlin.shared;
