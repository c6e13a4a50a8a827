package org.jinlin.territory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.shared.Role;
import org.jinlin.shared.spreadsheet.Cells;
import org.jinlin.shared.spreadsheet.Column;
import org.jinlin.shared.spreadsheet.ImportErrors;
import org.jinlin.shared.spreadsheet.ImportHandler;
import org.jinlin.shared.spreadsheet.SheetRow;
import org.jinlin.shared.spreadsheet.SpreadsheetSchema;
import org.springframework.context.MessageSource;

/**
 * Imports territory nodes. Every node names its parent by code; the parent is either another row of
 * the file or an existing node, one level up, inside the actor's jurisdiction (the actor's own node
 * counts). Only administrators may add a city (a root). Codes must be new and unique in the file.
 * Rows may come in any order: they are written level by level.
 */
@RequiredArgsConstructor
public class TerritoryImport implements ImportHandler<TerritoryImport.NewNode> {

	static final String KIND = "territory";

	static final Column<TerritoryLevel> LEVEL = Column
		.of("level", "层级", "Level", Cells.enumerated(TerritoryLevel.class, TerritoryImport::chinese, TerritoryImport::english))
		.required().example("楼栋")
		.note("市、区县、街道、社区、网格、小区、楼栋；下级必须比上级低一级", "City, district, street, community, grid, compound, building; one level below the parent");

	static final Column<String> CODE = Column.of("code", "编码", "Code", Cells.pattern("[0-9A-Za-z_-]{1,40}", "字母数字，最多 40 位 / letters and digits, at most 40"))
		.required().example("350102004001G01C01B09")
		.note("全市唯一；区县用 GB/T 2260 六位代码，街道社区用十二位统计代码", "Unique in the city; GB/T 2260 for districts, 12-digit statistical codes for streets and communities")
		.aliases("代码", "区划代码");

	static final Column<String> PARENT_CODE = Column.of("parentCode", "上级编码", "Parent code", Cells.text(40))
		.example("350102004001G01C01")
		.note("上级节点的编码，可以是本文件中的行或系统中已有的节点；市级留空", "The parent's code: a row of this file or an existing node; blank for a city")
		.aliases("parent_code", "上级代码");

	static final Column<String> NAME = Column.of("name", "名称", "Name", Cells.text(100)).required().example("9号楼");

	static final Column<Boolean> RURAL = Column.of("rural", "农村", "Rural", Cells.bool()).example("否")
		.note("县、乡镇、村填“是”；留空为“否”", "Yes for counties, towns and villages; blank means no");

	static final Column<BigDecimal> LATITUDE = Column
		.of("latitude", "纬度", "Latitude", Cells.decimal(BigDecimal.valueOf(-90), BigDecimal.valueOf(90))).example("26.0891");

	static final Column<BigDecimal> LONGITUDE = Column
		.of("longitude", "经度", "Longitude", Cells.decimal(BigDecimal.valueOf(-180), BigDecimal.valueOf(180))).example("119.3042");

	static final Column<Long> POPULATION = Column.of("population", "人口", "Population", Cells.integer(0, 100_000_000))
		.note("官方统计人口", "Official population figure").aliases("户籍人口");

	static final Column<Long> ELDERLY = Column
		.of("elderlyPopulation", "老年人口", "Elderly population", Cells.integer(0, 100_000_000))
		.note("60 岁及以上官方统计人口，不大于人口", "Official figure, aged 60 and over; not more than the population")
		.aliases("elderly_population", "60岁以上人口");

	public static final SpreadsheetSchema SCHEMA = SpreadsheetSchema.of(LEVEL, CODE, PARENT_CODE, NAME, RURAL, LATITUDE,
			LONGITUDE, POPULATION, ELDERLY);

	/** A validated row. */
	record NewNode(int row, TerritoryLevel level, String code, String parentCode, String name, boolean rural,
			Double latitude, Double longitude, Long population, Long elderly) {
	}

	private final TerritoryRepository repository;

	private final Actor actor;

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, NewNode> byCode = new HashMap<>();

	private final Map<String, TerritoryNode> existingParents = new HashMap<>();

	static String chinese(TerritoryLevel level) {
		return switch (level) {
			case CITY -> "市";
			case DISTRICT -> "区县";
			case STREET -> "街道";
			case COMMUNITY -> "社区";
			case GRID -> "网格";
			case COMPOUND -> "小区";
			case BUILDING -> "楼栋";
		};
	}

	static String english(TerritoryLevel level) {
		return level.name().charAt(0) + level.name().substring(1).toLowerCase(Locale.ROOT);
	}

	@Override
	public SpreadsheetSchema schema() {
		return SCHEMA;
	}

	@Override
	public NewNode row(SheetRow row, ImportErrors errors) {
		int n = row.number();
		TerritoryLevel level = row.get(LEVEL);
		String code = row.get(CODE);
		String parent = row.get(PARENT_CODE);
		int before = errors.count();
		if (level == TerritoryLevel.CITY) {
			if (parent != null) {
				errors.reject(n, PARENT_CODE, parent, msg("territory.import.cityParent"));
			}
			if (!actor.has(Role.ADMINISTRATOR)) {
				errors.reject(n, LEVEL, row.text(LEVEL), msg("territory.import.cityAdminOnly"));
			}
		}
		else if (parent == null) {
			errors.reject(n, PARENT_CODE, "", msg("territory.import.parentRequired"));
		}
		else if (parent.equals(code)) {
			errors.reject(n, PARENT_CODE, parent, msg("territory.import.parentSelf"));
		}
		Long population = row.get(POPULATION);
		Long elderly = row.get(ELDERLY);
		if (population != null && elderly != null && elderly > population) {
			errors.reject(n, ELDERLY, row.text(ELDERLY), msg("territory.import.elderlyAbovePopulation"));
		}
		if ((row.get(LATITUDE) == null) != (row.get(LONGITUDE) == null)) {
			Column<?> missing = row.get(LATITUDE) == null ? LATITUDE : LONGITUDE;
			errors.reject(n, missing, "", msg("territory.import.coordinatePair"));
		}
		NewNode node = new NewNode(n, level, code, parent, row.get(NAME), Boolean.TRUE.equals(row.get(RURAL)),
				dbl(row.get(LATITUDE)), dbl(row.get(LONGITUDE)), population, elderly);
		NewNode first = byCode.putIfAbsent(code, node);
		if (first != null) {
			errors.reject(n, CODE, code, msg("territory.import.duplicateInFile", first.row()));
		}
		return errors.count() == before ? node : null;
	}

	@Override
	public void validateAll(List<Numbered<NewNode>> rows, ImportErrors errors) {
		List<String> codes = rows.stream().map(r -> r.value().code()).toList();
		for (TerritoryNode clash : repository.findByCodes(codes)) {
			NewNode n = byCode.get(clash.code());
			errors.reject(n.row(), CODE, n.code(), msg("territory.import.codeExists"));
		}
		List<String> outside = rows.stream().map(r -> r.value().parentCode())
			.filter(p -> p != null && !byCode.containsKey(p)).distinct().toList();
		repository.findByCodes(outside).forEach(p -> existingParents.put(p.code(), p));
		for (Numbered<NewNode> r : rows) {
			NewNode n = r.value();
			if (n.parentCode() == null) {
				continue;
			}
			TerritoryLevel parentLevel;
			NewNode inFile = byCode.get(n.parentCode());
			if (inFile != null) {
				parentLevel = inFile.level();
			}
			else {
				TerritoryNode existing = existingParents.get(n.parentCode());
				if (existing == null || !actor.covers(existing.path())) {
					// Outside the jurisdiction looks the same as unknown: its existence is not revealed.
					errors.reject(n.row(), PARENT_CODE, n.parentCode(), msg("territory.import.parentUnknown"));
					continue;
				}
				parentLevel = existing.level();
			}
			if (parentLevel.childLevel() != n.level()) {
				errors.reject(n.row(), LEVEL, chinese(n.level()), msg("territory.import.levelOrder",
						locale.getLanguage().equals("en") ? english(parentLevel) : chinese(parentLevel),
						locale.getLanguage().equals("en") ? english(n.level()) : chinese(n.level())));
			}
		}
	}

	@Override
	public void write(List<NewNode> all) {
		write(all, written -> {
		});
	}

	@Override
	public void write(List<NewNode> all, IntConsumer progress) {
		List<NewNode> ordered = new ArrayList<>(all);
		ordered.sort(Comparator.comparingInt((NewNode n) -> n.level().ordinal()));
		Map<String, TerritoryNode> inserted = new HashMap<>();
		int written = 0;
		for (NewNode n : ordered) {
			TerritoryNode parent = null;
			if (n.parentCode() != null) {
				parent = inserted.get(n.parentCode());
				if (parent == null) {
					parent = existingParents.get(n.parentCode());
				}
				if (parent == null) {
					throw new IllegalStateException("Parent vanished during the import: " + n.parentCode());
				}
			}
			TerritoryNode node = repository.insert(parent, n.level(), n.rural(), n.code(), n.name(), n.latitude(),
					n.longitude(), n.population(), n.elderly());
			inserted.put(node.code(), node);
			progress.accept(++written);
		}
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private static Double dbl(BigDecimal d) {
		return d == null ? null : d.doubleValue();
	}
}
