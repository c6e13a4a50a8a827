package org.jinlin.carefacilities.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The facility rules as plain Java: no Spring, territories from a map. */
class CareFacilityValidationTests {

	static final TerritoryNode GULOU = new TerritoryNode(2, 1L, TerritoryLevel.DISTRICT, false, "350102", "鼓楼区", "/1/2/",
			null, null, null, null);

	static final TerritoryNode JUNMEN = new TerritoryNode(4, 3L, TerritoryLevel.COMMUNITY, false, "350102004001", "军门社区",
			"/1/2/3/4/", null, null, null, null);

	static final TerritoryNode JINAN = new TerritoryNode(5, 1L, TerritoryLevel.DISTRICT, false, "350111", "晋安区", "/1/5/",
			null, null, null, null);

	static final Map<String, TerritoryNode> NODES = Map.of(GULOU.code(), GULOU, JUNMEN.code(), JUNMEN, JINAN.code(), JINAN);

	final CareFacilityValidation validation = new CareFacilityValidation(code -> Optional.ofNullable(NODES.get(code)));

	final Actor gulou = new Actor(1L, "gulou", Set.of(Role.DISTRICT_OFFICIAL), GULOU.id(), GULOU.path(), null, null);

	static CareFacilityDraft draft(String name, String kind, String territory, Integer beds, Integer occupied,
			Double lat, Double lon, List<String> served) {
		return new CareFacilityDraft(name, kind, territory, null, lat, lon, null, Set.of("MEALS"), beds, occupied, 0, 0,
				null, served, null);
	}

	static List<String> fields(List<FieldError> problems) {
		return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
	}

	@Test
	void aGoodDraftBecomesValuesWithDefaults() {
		CareFacilityValidation.Outcome o = validation
			.check(draft(" 军门站 ", "service_station", "350102004001", 10, 4, 26.08, 119.3, List.of("350102004001")), gulou);
		assertThat(o.valid()).isTrue();
		assertThat(o.values().name()).isEqualTo("军门站");
		assertThat(o.values().kind()).isEqualTo(FacilityKind.SERVICE_STATION);
		assertThat(o.values().status()).isEqualTo(FacilityStatus.OPERATING);
		assertThat(o.values().services()).isEqualTo("MEALS");
		assertThat(o.values().servedAreas()).containsExactly(JUNMEN);
	}

	@Test
	void everyBadFieldIsReportedAtOnce() {
		CareFacilityValidation.Outcome o = validation
			.check(draft(" ", "SHOP", "350111", 5, 6, 91.0, null, List.of("350102", "999")), gulou);
		assertThat(o.valid()).isFalse();
		assertThat(fields(o.problems())).contains("name:carefacilities.error.required", "kind:carefacilities.error.kind",
				"territoryCode:carefacilities.error.outsideJurisdiction", "bedsOccupied:carefacilities.error.occupiedAboveTotal",
				"latitude:carefacilities.error.latitude", "servedAreaCodes:carefacilities.error.servedArea",
				"servedAreaCodes:carefacilities.error.servedAreaUnknown");
	}
}
