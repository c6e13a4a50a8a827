package org.jinlin.carefacilities;

import java.util.Optional;

/** Kinds of elderly-care facility. */
public enum FacilityKind {
	/** 养老机构: nursing homes, welfare institutions; most of the beds. */
	CARE_INSTITUTION,
	/** 日间照料中心. */
	DAY_CARE_CENTRE,
	/** 居家养老服务站 (home-care service station). */
	SERVICE_STATION,
	/** 农村幸福院. */
	RURAL_HAPPINESS_HOME,
	/** 长者食堂 / 老年助餐点. */
	ELDER_CANTEEN,
	/** 居家社区养老服务示范点. */
	DEMONSTRATION_POINT,
	/** 农村区域性养老服务中心. */
	RURAL_REGIONAL_CENTRE;

	/** Kinds whose service areas count for the service coverage rate. */
	public boolean coversCommunities() {
		return this == SERVICE_STATION || this == DAY_CARE_CENTRE || this == RURAL_HAPPINESS_HOME;
	}

	public static Optional<FacilityKind> parse(String s) {
		return Codes.parse(FacilityKind.class, s);
	}
}
