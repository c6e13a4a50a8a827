package org.jinlin.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jinlin.people.Gender;
import org.jinlin.people.ImportResult;
import org.jinlin.people.RegisterResident;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentTag;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.spreadsheet.CellException;
import org.jinlin.shared.spreadsheet.CellParser;
import org.jinlin.shared.spreadsheet.Cells;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.ImportError;
import org.jinlin.shared.spreadsheet.ImportErrors;
import org.jinlin.shared.spreadsheet.ImportHandler;
import org.jinlin.shared.spreadsheet.ImportRejectedException;
import org.jinlin.shared.spreadsheet.SheetRow;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;
import org.springframework.context.MessageSource;

/**
 * Imports residents: every row is checked with {@link ResidentDraftValidation} (ID-card check digit,
 * gender and birth date agreeing with the ID number, phone format, …), the building code must name a
 * building in the importer's jurisdiction, and an ID number may appear only once in the file. The
 * register's {@link ResidentRegister#registerAll(Actor, List, String)} then re-checks and writes all
 * rows in the job's transaction (refusing e.g. ID numbers already registered).
 */
public class ResidentImport implements ImportHandler<ResidentImport.Draft> {

	static final String KIND = "residents";

	static final Map<ResidentTag, String> TAG_LABELS = Map.of(ResidentTag.LIVING_ALONE, "独居", ResidentTag.EMPTY_NEST,
			"空巢", ResidentTag.DISABLED, "残疾", ResidentTag.LOW_INCOME, "低保", ResidentTag.PARTY_MEMBER, "党员",
			ResidentTag.VETERAN, "退役军人", ResidentTag.SPECIAL_HARDSHIP, "特困", ResidentTag.LEFT_BEHIND_CHILD, "留守儿童");

	private static final Pattern TAG_SEPARATORS = Pattern.compile("[、;；,，/\\s]+");

	static final Column<String> NAME = Column.of("name", "姓名", "Name", Cells.text(ResidentDraftValidation.NAME_MAX))
		.required().example("王秀英");

	static final Column<Gender> GENDER = Column
		.of("gender", "性别", "Gender", Cells.enumerated(Gender.class, g -> g == Gender.MALE ? "男" : "女",
				g -> g.name().toLowerCase(Locale.ROOT)))
		.required().example("女").note("须与身份证号一致", "Must agree with the ID number");

	static final Column<LocalDate> BIRTH_DATE = Column.of("birthDate", "出生日期", "Birth date", Cells.date())
		.required().example("1948-03-07").note("须与身份证号一致", "Must agree with the ID number");

	static final Column<String> ID_NUMBER = Column.of("idNumber", "身份证号", "ID number", Cells.text(18))
		.required().personal(Masking::idNumber).example("350102194803070026")
		.note("18 位居民身份证号码，校验码须正确；请把单元格设为文本格式，以免 Excel 改写末尾数字",
				"18-character resident ID number with a correct check character; format the cells as text so Excel keeps every digit")
		.aliases("身份证号码", "公民身份号码", "id_number");

	static final Column<String> PHONE = Column.of("phone", "手机", "Phone", Cells.text(20))
		.personal(Masking::phone).example("13805910000").note("手机或固定电话，可不填", "Mobile or landline, optional")
		.aliases("手机号", "手机号码", "联系电话", "电话");

	static final Column<String> BUILDING = Column.of("buildingCode", "楼栋编码", "Building code", Cells.text(40))
		.required().example("350102004001G01C01B01")
		.note("辖区中楼栋的编码（见“辖区”页面或辖区导出）", "The code of a building in your jurisdiction (see the territory page or its export)")
		.aliases("building_code", "楼栋代码");

	static final Column<String> UNIT = Column.of("unit", "单元", "Unit", Cells.text(ResidentDraftValidation.UNIT_MAX))
		.example("1");

	static final Column<String> ROOM = Column.of("room", "室", "Room", Cells.text(ResidentDraftValidation.ROOM_MAX))
		.example("302").aliases("房号", "房间号", "门牌");

	static final Column<Set<ResidentTag>> TAGS = Column.of("tags", "标签", "Tags", tags()).example("独居、党员")
		.note("多个标签用“、”或“;”分隔", "Separate several tags with 、 or ;");

	public static final SpreadsheetSchema SCHEMA = SpreadsheetSchema.of(NAME, GENDER, BIRTH_DATE, ID_NUMBER, PHONE, BUILDING, UNIT,
			ROOM, TAGS);

	/** One validated row. */
	record Draft(int row, RegisterResident command) {
	}

	private final ResidentRegistration registration;

	private final Actor actor;

	private final Map<String, Long> buildings;

	private final MessageSource messages;

	private final Locale locale;

	private final String reason;

	private final LocalDate today = LocalDate.now(ResidentDraftValidation.ZONE);

	private final Map<String, Integer> idRows = new HashMap<>();

	private final Map<String, Column<?>> columnOfField = Map.of("name", NAME, "gender", GENDER, "birthDate", BIRTH_DATE,
			"idNumber", ID_NUMBER, "phone", PHONE, "buildingId", BUILDING, "unit", UNIT, "room", ROOM, "tags", TAGS);

	private org.jinlin.shared.spreadsheet.BoundSheet sheet;

	/**
	 * @param buildings code to id of every building in the actor's jurisdiction
	 */
	ResidentImport(ResidentRegistration registration, Actor actor, Map<String, Long> buildings, MessageSource messages,
			Locale locale, String reason) {
		this.registration = registration;
		this.actor = actor;
		this.buildings = buildings;
		this.messages = messages;
		this.locale = locale;
		this.reason = reason;
	}

	static CellParser<Set<ResidentTag>> tags() {
		Map<String, ResidentTag> byText = new HashMap<>();
		for (ResidentTag t : ResidentTag.values()) {
			byText.put(TAG_LABELS.get(t), t);
			byText.put(t.name().toLowerCase(Locale.ROOT), t);
		}
		return new CellParser<>() {
			@Override
			public Set<ResidentTag> parse(String text) throws CellException {
				Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
				for (String part : TAG_SEPARATORS.split(text)) {
					if (part.isEmpty()) {
						continue;
					}
					ResidentTag t = byText.get(part.toLowerCase(Locale.ROOT));
					if (t == null) {
						throw new CellException("imports.cell.enum", String.join("、", labels()));
					}
					tags.add(t);
				}
				return tags;
			}

			@Override
			public String describe(SpreadsheetMessages m) {
				return m.get("imports.format.enum", m.english()
						? String.join(", ", java.util.Arrays.stream(ResidentTag.values()).map(Enum::name).toList())
						: String.join("、", labels()));
			}
		};
	}

	private static List<String> labels() {
		return java.util.Arrays.stream(ResidentTag.values()).map(TAG_LABELS::get).toList();
	}

	@Override
	public SpreadsheetSchema schema() {
		return SCHEMA;
	}

	@Override
	public Draft row(SheetRow row, ImportErrors errors) {
		this.sheet = errors.sheet();
		int n = row.number();
		int before = errors.count();
		Long buildingId = buildings.get(row.get(BUILDING));
		if (buildingId == null) {
			errors.reject(n, BUILDING, row.text(BUILDING), msg("people.import.buildingUnknown",
					"Unknown building code, or not in your jurisdiction"));
		}
		Set<ResidentTag> tags = row.get(TAGS);
		RegisterResident cmd = new RegisterResident(row.get(NAME), row.get(GENDER), row.get(BIRTH_DATE),
				ResidentDraftValidation.normalizeIdNumber(row.get(ID_NUMBER)), row.get(PHONE),
				buildingId == null ? -1L : buildingId, row.get(UNIT), row.get(ROOM), tags == null ? Set.of() : tags,
				RegistrationChannel.IMPORT);
		for (ResidentDraftValidation.FieldError e : ResidentDraftValidation.validate(cmd, today)) {
			Column<?> column = columnOfField.get(e.field());
			if (column == BUILDING) {
				continue;
			}
			if (column == null) {
				errors.rejectRow(n, msg(e.code(), e.message()));
			}
			else {
				errors.reject(n, column, row.text(column), msg(e.code(), e.message()));
			}
		}
		if (cmd.idNumber() != null) {
			Integer first = idRows.putIfAbsent(cmd.idNumber(), n);
			if (first != null) {
				errors.reject(n, ID_NUMBER, row.text(ID_NUMBER),
						msg("people.import.idNumberTwice", "The same ID number is already in row {0}", first));
			}
		}
		return errors.count() == before ? new Draft(n, cmd) : null;
	}

	@Override
	public void write(List<Draft> all) {
		List<RegisterResident> commands = new ArrayList<>(all.size());
		all.forEach(d -> commands.add(d.command()));
		ImportResult result = registration.registerAll(actor, commands, reason);
		if (result.ok()) {
			return;
		}
		List<ImportError> errors = new ArrayList<>();
		for (ImportResult.RowError e : result.errors()) {
			if (errors.size() >= 10_000) {
				break;
			}
			String reasonText = msg(e.code(), e.message());
			if (e.index() < 0 || e.index() >= all.size()) {
				errors.add(new ImportError(0, "", "", "", reasonText));
				continue;
			}
			int row = all.get(e.index()).row();
			Column<?> column = columnOfField.get(e.field());
			if (column == null || sheet == null) {
				errors.add(new ImportError(row, "", "", "", reasonText));
			}
			else {
				RegisterResident c = all.get(e.index()).command();
				String value = column == ID_NUMBER ? c.idNumber() : column == PHONE ? c.phone() : "";
				errors.add(new ImportError(row, sheet.letter(column), sheet.header(column), column.reportValue(value),
						reasonText));
			}
		}
		throw new ImportRejectedException(errors, result.errors().size());
	}

	private String msg(String code, String defaultMessage, Object... args) {
		return messages.getMessage(code, args, defaultMessage, locale);
	}
}
