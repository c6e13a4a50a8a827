package org.jinlin.circle.facilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's category catalogue ({@code circle_category}, seeded with the MOFCOM 2021 guide's categories): the
 * {@link CategoryCatalogue} the coverage reads (unscoped, no actor needed), and its editing by city officials and
 * administrators - names, tier, required flag, sort order, OSM tags, the care facility kinds - and new categories.
 * Every change publishes {@link FacilitiesChanged}: the required set and the care mapping decide the coverage.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class Categories implements CategoryCatalogue {

	static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	/** What the API and the category page send. */
	record CategoryDraft(String code, String nameZh, String nameEn, String tier, Boolean required, Integer sortOrder,
			String osmTags, String source, String careKinds, Integer version) {
	}

	private final CategoryRepository repository;

	private final FieldErrors messages;

	private final ApplicationEventPublisher events;

	@Override
	public List<FacilityCategory> all() {
		return repository.all().stream().map(CategoryDefinition::category).toList();
	}

	/** Every category with its source and OSM mapping. */
	List<CategoryDefinition> definitions() {
		return repository.all();
	}

	CategoryDefinition get(String code) {
		return repository.find(code == null ? "" : code.strip())
			.orElseThrow(() -> new NotFoundException("No facility category " + code));
	}

	@Transactional
	CategoryDefinition create(CategoryDraft draft) {
		Actor actor = CircleFacilityAccess.categoryEditor();
		List<FieldError> p = new ArrayList<>();
		String code = FieldErrors.trim(draft.code());
		if (code == null) {
			p.add(new FieldError("code", "circlefacilities.error.required"));
		}
		else if (!CODE.matcher(code).matches()) {
			p.add(new FieldError("code", "circlefacilities.error.categoryCode"));
		}
		else if (repository.find(code).isPresent()) {
			p.add(new FieldError("code", "circlefacilities.error.categoryExists"));
		}
		CategoryDefinition c = check(code, draft, p, null);
		repository.insert(c, actor.name());
		events.publishEvent(new FacilitiesChanged("category " + c.code() + " added"));
		return get(c.code());
	}

	@Transactional
	CategoryDefinition update(String code, CategoryDraft draft) {
		Actor actor = CircleFacilityAccess.categoryEditor();
		CategoryDefinition before = get(code);
		List<FieldError> p = new ArrayList<>();
		if (draft.version() == null) {
			p.add(new FieldError("version", "circlefacilities.error.version"));
		}
		CategoryDefinition c = check(before.code(), draft, p, before);
		if (c.source() != before.source() && repository.facilities(before.code()) > 0) {
			throw messages.invalid(CircleFacilityAccess.INVALID, List.of(new FieldError("source", "circlefacilities.error.sourceInUse")));
		}
		if (!repository.update(c, draft.version(), actor.name())) {
			throw new ConflictException(messages.message("circlefacilities.error.conflict"));
		}
		events.publishEvent(new FacilitiesChanged("category " + c.code() + " changed"));
		return get(c.code());
	}

	private CategoryDefinition check(String code, CategoryDraft d, List<FieldError> p, CategoryDefinition before) {
		String zh = CircleFacilityChecks.text(p, "nameZh", d.nameZh(), 50, true);
		String en = CircleFacilityChecks.text(p, "nameEn", d.nameEn(), 80, true);
		String tier = FieldErrors.trim(d.tier());
		boolean basic = before != null && before.basic();
		if (tier != null) {
			if (!tier.equalsIgnoreCase("BASIC") && !tier.equalsIgnoreCase("QUALITY")) {
				p.add(new FieldError("tier", "circlefacilities.error.tier"));
			}
			basic = tier.equalsIgnoreCase("BASIC");
		}
		else if (before == null) {
			p.add(new FieldError("tier", "circlefacilities.error.required"));
		}
		boolean required = d.required() != null ? d.required() : before != null && before.required();
		int sortOrder = before == null ? 1000 : before.sortOrder();
		if (d.sortOrder() != null) {
			if (d.sortOrder() < 0 || d.sortOrder() > 100_000) {
				p.add(new FieldError("sortOrder", "circlefacilities.error.sortOrder"));
			}
			sortOrder = d.sortOrder();
		}
		String tags = FieldErrors.trim(d.osmTags());
		if (tags != null && tags.length() > 1000) {
			p.add(new FieldError("osmTags", "circlefacilities.error.tooLong", 1000));
		}
		List<CategoryDefinition.OsmTag> parsed = CategoryDefinition.parseTags(tags);
		if (parsed == null) {
			p.add(new FieldError("osmTags", "circlefacilities.error.osmTags"));
		}
		String normalizedTags = parsed == null ? "" : String.join(";", parsed.stream().map(t -> t.key() + "=" + t.value()).toList());
		CategoryDefinition.Source source = before == null ? CategoryDefinition.Source.REGISTRY : before.source();
		if (FieldErrors.trim(d.source()) != null) {
			try {
				source = CategoryDefinition.Source.valueOf(d.source().strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				p.add(new FieldError("source", "circlefacilities.error.source"));
			}
		}
		List<FacilityKind> kinds = List.of();
		if (source == CategoryDefinition.Source.CARE_FACILITIES) {
			String text = d.careKinds() != null ? d.careKinds()
					: before == null ? null : String.join(",", before.careKinds().stream().map(Enum::name).toList());
			List<FacilityKind> list = CategoryDefinition.parseKinds(text);
			if (list.isEmpty()) {
				p.add(new FieldError("careKinds", "circlefacilities.error.required"));
			}
			else if (list.stream().anyMatch(Objects::isNull)) {
				p.add(new FieldError("careKinds", "circlefacilities.error.careKind"));
			}
			else {
				kinds = list.stream().distinct().toList();
			}
		}
		if (!p.isEmpty()) {
			throw messages.invalid(CircleFacilityAccess.INVALID, p);
		}
		return new CategoryDefinition(code, zh, en, basic, required, sortOrder, normalizedTags, source, kinds, null, null, 0);
	}
}
