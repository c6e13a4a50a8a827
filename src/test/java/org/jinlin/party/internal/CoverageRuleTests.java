package org.jinlin.party.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The coverage rule on a hand-made tree: /1/ city, /1/2/ and /1/3/ districts, compounds below. */
class CoverageRuleTests {

	static final List<CoverageRule.Compound> COMPOUNDS = List.of(new CoverageRule.Compound(10, "/1/2/5/10/"),
			new CoverageRule.Compound(11, "/1/2/5/11/"), new CoverageRule.Compound(12, "/1/2/6/12/"),
			new CoverageRule.Compound(13, "/1/3/7/13/"), new CoverageRule.Compound(14, "/1/3/7/14/"),
			new CoverageRule.Compound(15, "/1/3/8/15/"));

	@Test
	void shareOfCompoundsWithABranchUnderTheNode() {
		Set<Long> covered = Set.of(10L, 11L, 12L, 13L);
		CoverageRule.Figure city = CoverageRule.figure("/1/", COMPOUNDS, covered);
		assertThat(city.compounds()).isEqualTo(6);
		assertThat(city.covered()).isEqualTo(4);
		assertThat(city.uncovered()).isEqualTo(2);
		assertThat(city.rate()).isEqualByComparingTo("0.6667");
		assertThat(CoverageRule.figure("/1/2/", COMPOUNDS, covered).rate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(CoverageRule.figure("/1/3/", COMPOUNDS, covered).rate()).isEqualByComparingTo("0.3333");
	}

	@Test
	void coveredCompoundsOutsideTheNodeDoNotCountAndANodeWithoutCompoundsHasNoRate() {
		// 13 is covered but lies in the other district; 99 is no compound of the tree at all
		CoverageRule.Figure district = CoverageRule.figure("/1/2/", COMPOUNDS, Set.of(13L, 99L));
		assertThat(district.compounds()).isEqualTo(3);
		assertThat(district.covered()).isZero();
		assertThat(district.rate()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(CoverageRule.figure("/1/4/", COMPOUNDS, Set.of(10L)).rate()).isNull();
		// a path prefix is a whole segment: /1/2/ does not contain /1/22/
		assertThat(CoverageRule.figure("/1/2/", List.of(new CoverageRule.Compound(20, "/1/22/20/")), Set.of(20L))
			.compounds()).isZero();
	}

	@Test
	void perChildFiguresIncludeChildrenWithoutCompounds() {
		Map<Long, CoverageRule.Figure> byChild = CoverageRule.byChild("/1/", List.of(2L, 3L, 4L), COMPOUNDS,
				Set.of(10L, 11L, 12L, 13L));
		assertThat(byChild.keySet()).containsExactly(2L, 3L, 4L);
		assertThat(byChild.get(2L)).isEqualTo(new CoverageRule.Figure(3, 3));
		assertThat(byChild.get(3L)).isEqualTo(new CoverageRule.Figure(3, 1));
		assertThat(byChild.get(4L)).isEqualTo(new CoverageRule.Figure(0, 0));
		assertThat(byChild.get(4L).rate()).isNull();
		assertThat(CoverageRule.uncovered(COMPOUNDS, Set.of(10L, 11L, 12L, 13L))).containsExactly(14L, 15L);
	}
}
