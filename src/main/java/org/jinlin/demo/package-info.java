/**
 * The demo city of Fuzhou: the real territory tree with synthetic residents, elders, facilities, party
 * organisations, volunteers, demands and alarms, loaded through the business modules' public services the first
 * time the platform starts outside the {@code prod} profile (and not with {@code jinlin.demo.enabled=false}). Each
 * part is claimed once per database in {@code demo_seed}, so several instances starting together load it once.
 * <p>
 * No business module depends on this one; it depends on them. It has no API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package org.jinlin.demo;
