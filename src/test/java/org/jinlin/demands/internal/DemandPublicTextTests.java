package org.jinlin.demands.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jinlin.people.ResidentView;
import org.jinlin.shared.PublicText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parts of the raiser's register record are hidden in her demand's public text. */
class DemandPublicTextTests {

	static ResidentView resident(String name, String unit, String room, String label) {
		return new ResidentView(1, name, null, null, null, null, 7, unit, room, label, 3, "/1/2/3/", 5, Set.of(), null,
				null, null, null, null, null, null, null, null, 0);
	}

	@Test
	void nameBuildingCompoundUnitAndRoomAreKnownParts() {
		List<String> parts = DemandPublicText.parts(resident("王秀英", "2", "502", "锦华苑3号楼 2单元 502室"), "3号楼");
		assertThat(parts).containsExactly("王秀英", "3号楼", "锦华苑3号楼", "2单元", "502室");
		assertThat(PublicText.scrub("我是锦华苑3号楼2单元502室的王秀英，3号楼门口垃圾没人收", Locale.CHINA, parts))
			.isEqualTo("我是[已隐藏]的[已隐藏]，[已隐藏]门口垃圾没人收");
	}

	@Test
	void bareNumbersAndSingleCharactersAreNeverParts() {
		List<String> parts = DemandPublicText.parts(resident("林", " ", "东厢房", null), null);
		assertThat(parts).containsExactly("东厢房");
		assertThat(PublicText.scrub("林师傅说502元", Locale.CHINA, parts)).isEqualTo("林师傅说502元");
	}
}
