/**
 * The audit log: who signed in (or failed to), who changed whose permissions, which API keys
 * were issued and revoked, and every view of a resident's full personal data. Fed only by
 * other modules' events (through Spring Modulith's persistent event publication registry);
 * read by administrators and city and district officials, scoped to their jurisdiction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.jinlin.audit;
