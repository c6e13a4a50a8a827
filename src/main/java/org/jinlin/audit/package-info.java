/**
 * The audit log: who signed in (or failed to), who changed whose permissions, which API keys
 * were issued and revoked, and every view of a resident's, a demand's contact or an elder's full personal
 * data. Fed only by other modules' events (through Spring Modulith's persistent event publication registry);
 * read by administrators and city and district officials, scoped to their jurisdiction.
 * <p>
 * It offers no API to other modules: the listeners, the log's query service, its permission rule and its
 * repository live in {@code internal}, the page and the API in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
		allowedDependencies = { "accounts", "people", "demands", "eldercare", "meals", "shared" })
package org.jinlin.audit;
