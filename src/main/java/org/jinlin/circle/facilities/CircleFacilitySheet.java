package org.jinlin.circle.facilities;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.spreadsheet.Cells;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;

/** The spreadsheet layout of registry facilities: the import template, the import and the export share it. */
final class CircleFacilitySheet {

	private CircleFacilitySheet() {
	}

	static final Column<String> NAME = Column.of("name", "名称", "Name", Cells.text(100)).required().example("惠民便利店（军门店）");

	static final Column<String> CATEGORY = Column.of("category", "类别", "Category", Cells.text(80)).required()
		.example("便利店")
		.note("类别名称或编码，如 便利店、CONVENIENCE_STORE；养老服务和长者食堂来自养老设施，不在此录入",
				"Category name or code, e.g. Convenience store or CONVENIENCE_STORE; elderly care and elder canteens come from the care facilities");

	static final Column<String> ADDRESS = Column.of("address", "地址", "Address", Cells.text(200)).example("鼓楼区杨桥东路8号");

	static final Column<BigDecimal> LATITUDE = Column
		.of("latitude", "纬度", "Latitude", Cells.decimal(BigDecimal.valueOf(-90), BigDecimal.valueOf(90))).example("26.0853")
		.note("坐标系在上传时选择（WGS-84、GCJ-02 或 BD-09），保存时转换为 WGS-84",
				"The coordinate system is chosen on upload (WGS-84, GCJ-02 or BD-09) and converted to WGS-84");

	static final Column<BigDecimal> LONGITUDE = Column
		.of("longitude", "经度", "Longitude", Cells.decimal(BigDecimal.valueOf(-180), BigDecimal.valueOf(180))).example("119.3012");

	static final Column<String> TERRITORY = Column.of("territoryCode", "所在辖区编码", "Territory code", Cells.text(40))
		.example("350102004001")
		.note("留空时按坐标归入最近的社区；须在您的辖区内",
				"Blank: the community nearest the coordinates; must be inside your jurisdiction")
		.aliases("辖区编码", "territory");

	static final Column<String> OPERATOR = Column.of("operator", "经营者", "Operator", Cells.text(100)).example("福州惠民商贸有限公司");

	static final Column<String> PHONE = Column.of("phone", "联系电话", "Phone", Cells.text(30)).example("0591-87654321")
		.personal(org.jinlin.shared.Masking::phone);

	static final Column<String> HOURS = Column.of("openingHours", "营业时间", "Opening hours", Cells.text(100)).example("07:00-22:00");

	static final Column<String> STATUS = Column.of("status", "状态", "Status", Cells.text(20)).example("运营中")
		.note("运营中 或 关闭，留空为运营中", "Operating or closed; blank means operating");

	static final SpreadsheetSchema SCHEMA = SpreadsheetSchema.of(NAME, CATEGORY, ADDRESS, LATITUDE, LONGITUDE, TERRITORY,
			OPERATOR, PHONE, HOURS, STATUS);

	/** The draft field each column fills (for reporting a field problem in its column). */
	static final Map<String, Column<?>> BY_FIELD = Map.of("name", NAME, "category", CATEGORY, "address", ADDRESS,
			"latitude", LATITUDE, "longitude", LONGITUDE, "territoryCode", TERRITORY, "operator", OPERATOR, "phone", PHONE,
			"openingHours", HOURS, "status", STATUS);

	static List<Column<?>> columns() {
		return SCHEMA.columns();
	}
}
