/**
 * Party organisations (党组织) of the neighbourhood model: the community party committee with its compound
 * branches and building groups, building and business-district organisations, their secretaries, rosters and the
 * compounds each covers, and coverage (the share of compounds with a branch) for any jurisdiction. Alliances of
 * co-building units (党建联盟/共建单位) with their commitments and deliveries (reported to service hours as
 * {@link org.jinlin.servicehours.ServiceDelivered}), part-time committee members (兼职委员) and joint meetings
 * (联席会议) with resolutions and follow-up tasks tracked to completion.
 * <p>
 * API for other modules: {@link org.jinlin.party.PartyOrganisations} (read-only, unscoped queries) with the kinds
 * in its answers, {@link org.jinlin.party.OrgKind} and {@link org.jinlin.party.UnitKind};
 * {@link org.jinlin.party.PartyIndicators}, the quality cockpit's branch coverage and the compounds it counts; and
 * {@link org.jinlin.party.PartyImport}, the bulk load of a whole city's party records planned elsewhere. Inside: the directory,
 * the register, alliances and meetings services, the permission rules and the repositories in {@code internal};
 * pages and the JSON API in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party organisations",
		allowedDependencies = { "servicehours", "territory", "shared" })
package org.jinlin.party;
