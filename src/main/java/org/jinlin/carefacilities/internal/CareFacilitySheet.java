package org.jinlin.carefacilities.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.shared.spreadsheet.Cells;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;

/** The spreadsheet layout of facilities: the import template, the import and the export share it. */
public final class CareFacilitySheet {

	private CareFacilitySheet() {
	}

	public static final Map<FacilityKind, String> KIND_ZH = new EnumMap<>(Map.of(FacilityKind.CARE_INSTITUTION, "养老机构",
			FacilityKind.DAY_CARE_CENTRE, "日间照料中心", FacilityKind.SERVICE_STATION, "居家养老服务站",
			FacilityKind.RURAL_HAPPINESS_HOME, "农村幸福院", FacilityKind.ELDER_CANTEEN, "长者食堂",
			FacilityKind.DEMONSTRATION_POINT, "示范点", FacilityKind.RURAL_REGIONAL_CENTRE, "农村区域性养老服务中心"));

	public static final Map<FacilityStatus, String> STATUS_ZH = new EnumMap<>(Map.of(FacilityStatus.OPERATING, "运营中",
			FacilityStatus.SUSPENDED, "暂停", FacilityStatus.CLOSED, "关闭"));

	public static final Map<FacilityService, String> SERVICE_ZH = new EnumMap<>(Map.ofEntries(Map.entry(FacilityService.MEALS, "助餐"),
			Map.entry(FacilityService.DAY_CARE, "日间照料"), Map.entry(FacilityService.HOME_CARE, "上门服务"),
			Map.entry(FacilityService.BATHING, "助浴"), Map.entry(FacilityService.CLEANING, "助洁"),
			Map.entry(FacilityService.MEDICAL, "助医"), Map.entry(FacilityService.REHABILITATION, "康复"),
			Map.entry(FacilityService.RESPITE, "喘息服务"), Map.entry(FacilityService.NURSING, "护理"),
			Map.entry(FacilityService.CULTURE, "文化娱乐"), Map.entry(FacilityService.COMPANIONSHIP, "精神慰藉"),
			Map.entry(FacilityService.EMERGENCY_HELP, "紧急援助")));

	static final Pattern LIST_SEPARATORS = Pattern.compile("[、;；,，/\\s]+");

	public static String english(Enum<?> e) {
		return e.name().charAt(0) + e.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	static final Column<String> NAME = Column.of("name", "名称", "Name", Cells.text(100)).required()
		.example("鼓楼区军门社区居家养老服务站");

	static final Column<FacilityKind> KIND = Column
		.of("kind", "类型", "Kind", Cells.enumerated(FacilityKind.class, KIND_ZH::get, CareFacilitySheet::english))
		.required().example("居家养老服务站");

	static final Column<String> TERRITORY = Column.of("territoryCode", "所在辖区编码", "Territory code", Cells.text(40))
		.required().example("350102004001")
		.note("设施所在的区县、街道（乡镇）或社区（村）的编码，须在您的辖区内",
				"Code of the district, street/town or community/village the facility sits in, inside your jurisdiction")
		.aliases("辖区编码", "territory");

	static final Column<String> ADDRESS = Column.of("address", "地址", "Address", Cells.text(200)).example("鼓楼区东街街道军门社区杨桥东路8号");

	static final Column<BigDecimal> LATITUDE = Column
		.of("latitude", "纬度", "Latitude", Cells.decimal(BigDecimal.valueOf(-90), BigDecimal.valueOf(90))).example("26.0853");

	static final Column<BigDecimal> LONGITUDE = Column
		.of("longitude", "经度", "Longitude", Cells.decimal(BigDecimal.valueOf(-180), BigDecimal.valueOf(180))).example("119.3012");

	static final Column<String> OPERATOR = Column.of("operator", "运营方", "Operator", Cells.text(100)).example("福州颐和养老服务有限公司");

	static final Column<String> SERVICES = Column.of("services", "服务项目", "Services", Cells.text(400)).example("助餐、助洁、上门服务")
		.note("用顿号或逗号分隔：" + String.join("、", SERVICE_ZH.values()),
				"Separated by commas: " + Arrays.stream(FacilityService.values()).map(CareFacilitySheet::english).collect(Collectors.joining(", ")));

	static final Column<Long> BEDS_TOTAL = Column.of("bedsTotal", "床位数", "Beds", Cells.integer(0, CareFacilityValidation.MAX_BEDS)).example("0");

	static final Column<Long> BEDS_OCCUPIED = Column
		.of("bedsOccupied", "在用床位", "Beds occupied", Cells.integer(0, CareFacilityValidation.MAX_BEDS)).example("0")
		.note("不多于床位数", "Not more than the beds");

	static final Column<Long> FAMILY_CARE_BEDS = Column
		.of("familyCareBeds", "家庭养老床位", "Family care beds", Cells.integer(0, CareFacilityValidation.MAX_BEDS)).example("8");

	static final Column<Long> INCLUSIVE_BEDS = Column
		.of("inclusiveBeds", "普惠床位", "Inclusive beds", Cells.integer(0, CareFacilityValidation.MAX_BEDS)).example("0")
		.note("不多于床位数", "Not more than the beds");

	static final Column<FacilityStatus> STATUS = Column
		.of("status", "状态", "Status", Cells.enumerated(FacilityStatus.class, STATUS_ZH::get, CareFacilitySheet::english))
		.example("运营中").note("留空为运营中", "Blank means operating");

	static final Column<String> SERVED = Column.of("servedAreaCodes", "服务社区编码", "Served area codes", Cells.text(8000))
		.example("350102004001").note("所服务的社区或村的编码，用顿号或逗号分隔", "Codes of the communities or villages served, separated by commas");

	public static final SpreadsheetSchema SCHEMA = SpreadsheetSchema.of(NAME, KIND, TERRITORY, ADDRESS, LATITUDE, LONGITUDE,
			OPERATOR, SERVICES, BEDS_TOTAL, BEDS_OCCUPIED, FAMILY_CARE_BEDS, INCLUSIVE_BEDS, STATUS, SERVED);

	/** Services of a cell, by Chinese label, English label or code; unknown entries kept as written. */
	static List<String> services(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(LIST_SEPARATORS.split(text.strip())).filter(s -> !s.isBlank()).map(s -> {
			for (Map.Entry<FacilityService, String> e : SERVICE_ZH.entrySet()) {
				if (e.getValue().equals(s) || english(e.getKey()).equalsIgnoreCase(s)) {
					return e.getKey().name();
				}
			}
			return s;
		}).toList();
	}

	static List<String> codes(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(LIST_SEPARATORS.split(text.strip())).filter(s -> !s.isBlank()).toList();
	}
}
