/**
 * Community consultation (社区协商): topics (议题) collected from residents' proposals with supporters, from demands
 * made public matters, from alliance units and community committees; a procedure per form (议事会, hearing,
 * residents' representatives' meeting, online consultation) with 四议两公开 as the built-in template; stages with
 * 应到/实到, quorum and votes (paper ballots entered by staff or cast online, secret where the form says so); the
 * decision and the result published on the community's public board with deadlines; implementation progress and a
 * follow-up rating by residents.
 * <p>
 * {@code internal}: the Spring-free {@code ProcedureRules}, {@code Procedure} and {@code Threshold}, the command and
 * query services, the repository and the permission rules. {@code web}: the API, the pages, the navigation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation",
		allowedDependencies = { "shared", "territory", "accounts", "demands" })
package org.jinlin.consultation;
