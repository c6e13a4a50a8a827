package org.jinlin.demands.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;

/** Matching an Open311 address_string against place names: most specific named place, never a guess. */
class DemandAddressMatchTests {

	static TerritoryNode node(long id, Long parent, TerritoryLevel level, String name, String path) {
		return new TerritoryNode(id, parent, level, false, "c" + id, name, path, null, null, null, null);
	}

	static final TerritoryNode JUNMEN = node(4, 3L, TerritoryLevel.COMMUNITY, "军门社区", "/1/2/3/4/");

	static final TerritoryNode HUAYUAN = node(6, 5L, TerritoryLevel.COMPOUND, "锦华花园", "/1/2/3/4/5/6/");

	static final TerritoryNode B1 = node(7, 6L, TerritoryLevel.BUILDING, "1号楼", "/1/2/3/4/5/6/7/");

	static final TerritoryNode B11 = node(8, 6L, TerritoryLevel.BUILDING, "11号楼", "/1/2/3/4/5/6/8/");

	static final TerritoryNode SHUJIAN = node(14, 3L, TerritoryLevel.COMMUNITY, "树兜社区", "/1/2/3/14/");

	/** The same compound name in another community. */
	static final TerritoryNode HUAYUAN2 = node(16, 15L, TerritoryLevel.COMPOUND, "锦华花园", "/1/2/3/14/15/16/");

	static final TerritoryNode B1_2 = node(17, 16L, TerritoryLevel.BUILDING, "1号楼", "/1/2/3/14/15/16/17/");

	static final List<TerritoryNode> ALL = List.of(JUNMEN, HUAYUAN, B1, B11, SHUJIAN, HUAYUAN2, B1_2);

	@Test
	void theBuildingUnderTheNamedCompoundAndCommunity() {
		assertThat(DemandAddressMatch.best("军门社区锦华花园1号楼502室", ALL)).contains(B1);
		assertThat(DemandAddressMatch.best("军门社区 锦华花园 １１号楼", ALL)).contains(B11);
		assertThat(DemandAddressMatch.best("树兜社区锦华花园1号楼", ALL)).contains(B1_2);
	}

	@Test
	void aBuildingNameAloneIsNoPlaceAndAnAmbiguousCompoundIsNoMatch() {
		assertThat(DemandAddressMatch.best("1号楼门口", ALL)).isEmpty();
		assertThat(DemandAddressMatch.best("锦华花园1号楼", ALL)).isEmpty();
		assertThat(DemandAddressMatch.best("锦华花园1号楼", List.of(JUNMEN, HUAYUAN, B1))).contains(B1);
	}

	@Test
	void aCommunityAloneAndNothingAtAll() {
		assertThat(DemandAddressMatch.best("军门社区活动中心旁", ALL)).contains(JUNMEN);
		assertThat(DemandAddressMatch.best("五四路88号", ALL)).isEmpty();
		assertThat(DemandAddressMatch.best("   ", ALL)).isEmpty();
		assertThat(DemandAddressMatch.best(null, ALL)).isEmpty();
	}
}
