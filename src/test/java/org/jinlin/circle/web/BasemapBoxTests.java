package org.jinlin.circle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The basemap's box rules, without Spring: what is malformed, what is too large, what each zoom draws. */
class BasemapBoxTests {

	@Test
	void aBoxIsWestSouthEastNorth() {
		BasemapBox box = BasemapBox.parse("119.29, 26.07,119.31,26.09", "16");
		assertThat(box.west()).isEqualTo(119.29);
		assertThat(box.south()).isEqualTo(26.07);
		assertThat(box.east()).isEqualTo(119.31);
		assertThat(box.north()).isEqualTo(26.09);
		assertThat(box.zoom()).isEqualTo(16);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			"119.29,26.07,119.31;16", // three numbers
			"119.29,26.07,119.31,26.09,1;16", // five
			"a,26.07,119.31,26.09;16", "119.29,26.07,119.31,NaN;16", "119.29,26.07,119.31,Infinity;16",
			"119.31,26.07,119.29,26.09;16", // west east of east
			"119.29,26.09,119.31,26.07;16", // south north of north
			"119.29,26.07,119.29,26.09;16", // empty
			"-181,26.07,119.31,26.09;3", "119.29,-91,119.31,26.09;3",
			"119.29,26.07,119.31,26.09;-1", "119.29,26.07,119.31,26.09;23", "119.29,26.07,119.31,26.09;x",
			"119.29,26.07,119.31,26.09;1.5" })
	void malformedBoxesAreRefused(String bbox, String zoom) {
		assertThatIllegalArgumentException().isThrownBy(() -> BasemapBox.parse(bbox, zoom));
	}

	@Test
	void missingParametersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BasemapBox.parse(null, "16"));
		assertThatIllegalArgumentException().isThrownBy(() -> BasemapBox.parse("119.29,26.07,119.31,26.09", null));
	}

	@Test
	void aBoxMaySpanAtMostThirtyTwoTilesAndFourDegrees() {
		// zoom 16: a tile is 360/65536 degrees, 32 tiles 0.17578 degrees
		assertThat(BasemapBox.parse("119.2,26.0,119.37,26.17", "16").zoom()).isEqualTo(16);
		assertThatIllegalArgumentException().isThrownBy(() -> BasemapBox.parse("119.2,26.0,119.38,26.1", "16"));
		assertThatIllegalArgumentException().isThrownBy(() -> BasemapBox.parse("119.2,26.0,119.3,26.18", "16"));
		// zoom 8 would allow 45 degrees; never more than 4
		assertThat(BasemapBox.parse("118,25,122,29", "8").zoom()).isEqualTo(8);
		assertThatIllegalArgumentException().isThrownBy(() -> BasemapBox.parse("118,25,122.1,29", "8"));
	}

	@Test
	void streetsFromZoomThirteenBuildingsFromFifteenStreetShapesFromSixteen() {
		BasemapBox z12 = BasemapBox.parse("119.29,26.07,119.31,26.09", "12");
		BasemapBox z13 = BasemapBox.parse("119.29,26.07,119.31,26.09", "13");
		BasemapBox z15 = BasemapBox.parse("119.29,26.07,119.31,26.09", "15");
		BasemapBox z16 = BasemapBox.parse("119.29,26.07,119.31,26.09", "16");
		assertThat(z12.streets()).isFalse();
		assertThat(z13.streets()).isTrue();
		assertThat(z13.buildings()).isFalse();
		assertThat(z15.buildings()).isTrue();
		assertThat(z15.streetShapes()).isFalse();
		assertThat(z16.streetShapes()).isTrue();
	}
}
