package org.jinlin.carefacilities;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jinlin.shared.Actor;
import org.jinlin.shared.spreadsheet.SpreadsheetMessages;
import org.jinlin.shared.spreadsheet.XlsxSheetWriter;
import org.jinlin.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Excel export of the facility list (staff, of their jurisdiction), in the import layout so it can be re-imported. */
@Service
class FacilityExport {

	private final FacilityRepository repository;

	private final FacilityRegistry registry;

	private final Territories territories;

	private final MessageSource messages;

	FacilityExport(FacilityRepository repository, FacilityRegistry registry, Territories territories,
			MessageSource messages) {
		this.repository = repository;
		this.registry = registry;
		this.territories = territories;
		this.messages = messages;
	}

	/** 403 for non-staff, 404 for a territory filter outside the jurisdiction; before the response starts. */
	void check(FacilityQuery q) {
		registry.filter(FacilityRegistry.requireReader(), q);
	}

	@Transactional(readOnly = true)
	void write(FacilityQuery q, OutputStream out) throws IOException {
		Actor actor = FacilityRegistry.requireReader();
		FacilityRepository.Filter f = registry.filter(actor, q);
		Locale locale = LocaleContextHolder.getLocale();
		SpreadsheetMessages m = SpreadsheetMessages.of(locale);
		boolean en = m.english();
		List<FacilityRepository.Stored> rows = new ArrayList<>();
		repository.stream(f, rows::add);
		Map<Long, List<Long>> served = repository.servedAreas(rows.stream().map(FacilityRepository.Stored::id).toList());
		Map<Long, String> codes = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		rows.forEach(r -> ids.add(r.territoryId()));
		served.values().forEach(ids::addAll);
		List<Long> distinct = ids.stream().distinct().toList();
		for (int i = 0; i < distinct.size(); i += 1000) {
			territories.lookupAll(distinct.subList(i, Math.min(distinct.size(), i + 1000)))
				.forEach(n -> codes.put(n.id(), n.code()));
		}
		try (XlsxSheetWriter sheet = new XlsxSheetWriter(out,
				messages.getMessage("carefacilities.sheet", null, "facilities", locale), FacilitySheet.SCHEMA.headers(m))) {
			for (FacilityRepository.Stored r : rows) {
				String services = FacilityService.decode(r.services()).stream()
					.map(s -> en ? FacilitySheet.english(s) : FacilitySheet.SERVICE_ZH.get(s))
					.collect(Collectors.joining(en ? ", " : "、"));
				String areas = served.getOrDefault(r.id(), List.of()).stream().map(codes::get)
					.collect(Collectors.joining(en ? ", " : "、"));
				sheet.row(Arrays.asList(r.name(), en ? FacilitySheet.english(r.kind()) : FacilitySheet.KIND_ZH.get(r.kind()),
						codes.get(r.territoryId()), r.address(), r.latitude(), r.longitude(), r.operator(), services,
						r.bedsTotal(), r.bedsOccupied(), r.familyCareBeds(), r.inclusiveBeds(),
						en ? FacilitySheet.english(r.status()) : FacilitySheet.STATUS_ZH.get(r.status()), areas));
			}
		}
	}

}
