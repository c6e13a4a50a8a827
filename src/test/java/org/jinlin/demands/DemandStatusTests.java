package org.jinlin.demands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The closed loop's allowed moves. */
class DemandStatusTests {

	@Test
	void theLoopMovesForward() {
		assertThat(DemandStatus.DISPATCHED.canMoveTo(DemandStatus.IN_PROGRESS)).isTrue();
		assertThat(DemandStatus.IN_PROGRESS.canMoveTo(DemandStatus.RESOLVED)).isTrue();
		assertThat(DemandStatus.RESOLVED.canMoveTo(DemandStatus.CLOSED)).isTrue();
		// Unsatisfied: back to handling.
		assertThat(DemandStatus.RESOLVED.canMoveTo(DemandStatus.IN_PROGRESS)).isTrue();
	}

	@Test
	void noShortcutsAndNothingAfterTheEnd() {
		assertThat(DemandStatus.DISPATCHED.canMoveTo(DemandStatus.RESOLVED)).isFalse();
		assertThat(DemandStatus.DELIBERATING.canMoveTo(DemandStatus.IN_PROGRESS)).isFalse();
		assertThat(DemandStatus.CLOSED.next()).isEmpty();
		assertThat(DemandStatus.MERGED.next()).isEmpty();
		assertThat(DemandStatus.RESOLVED.isPubliclyOpen()).isFalse();
		assertThat(DemandStatus.RETURNED.isPubliclyOpen()).isTrue();
	}
}
