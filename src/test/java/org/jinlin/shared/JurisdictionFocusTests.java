package org.jinlin.shared;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The picker's focus narrows the actor's jurisdiction and can never widen it. */
class JurisdictionFocusTests {

	static final Actor GULOU = new Actor(7L, "gulou", Set.of(Role.DISTRICT_OFFICIAL), 2, "/1/2/", null, null);

	@Test
	void narrowsToANodeInsideTheJurisdiction() {
		Actor focused = new JurisdictionFocus(7, 40, "/1/2/30/40/", "军门社区").applyTo(GULOU);
		assertThat(focused.territoryId()).isEqualTo(40);
		assertThat(focused.territoryPath()).isEqualTo("/1/2/30/40/");
		assertThat(focused.roles()).isEqualTo(GULOU.roles());
		assertThat(focused.covers("/1/2/31/")).isFalse();
	}

	@Test
	void neverWidensNorMovesSideways() {
		assertThat(new JurisdictionFocus(7, 1, "/1/", "福州市").applyTo(GULOU)).isSameAs(GULOU);
		assertThat(new JurisdictionFocus(7, 5, "/1/5/", "晋安区").applyTo(GULOU)).isSameAs(GULOU);
		assertThat(new JurisdictionFocus(7, 20, "/1/20/", "相似前缀").applyTo(GULOU)).isSameAs(GULOU);
		assertThatIllegalArgumentException().isThrownBy(() -> GULOU.narrowedTo(1, "/1/"));
	}

	@Test
	void appliesOnlyToTheAccountThatChoseIt() {
		assertThat(new JurisdictionFocus(8, 40, "/1/2/30/40/", "军门社区").applyTo(GULOU)).isSameAs(GULOU);
		Actor apiKey = new Actor(null, "apikey:x", Set.of(), 2, "/1/2/", null, "READ");
		assertThat(new JurisdictionFocus(7, 40, "/1/2/30/40/", "军门社区").applyTo(apiKey)).isSameAs(apiKey);
	}
}
