/**
 * The demo city of Fuzhou: the real territory tree with synthetic residents, elders, facilities, party
 * organisations, volunteers, demands and alarms, loaded through the business modules' public (bulk-load) services
 * the first time the platform starts outside the {@code prod} profile (and not with {@code jinlin.demo.enabled=false}).
 * Each part is claimed once per database in {@code demo_seed}, so several instances starting together load it once.
 * <p>
 * No business module depends on this one; it depends on them. What it exposes is for tests and benchmarks only:
 * {@link org.jinlin.demo.DemandGenerator} (the synthetic demand history, also behind the demands benchmark),
 * {@link org.jinlin.demo.DemoEldercare} (王阿姨's pendant), {@link org.jinlin.demo.DemoCareFacilities} (the districts
 * with rural happiness homes) and {@link org.jinlin.demo.DemoMemberService} (the demo resident of the micro-wishes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city",
		allowedDependencies = { "territory", "accounts", "people", "eldercare", "carefacilities", "alarms", "party",
				"memberservice", "volunteers", "servicehours", "circle", "demands", "meals", "consultation", "spaces", "quality", "shared" })
package org.jinlin.demo;
