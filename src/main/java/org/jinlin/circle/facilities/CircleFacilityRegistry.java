package org.jinlin.circle.facilities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facility registry with its rules. Staff read the facilities inside their jurisdiction (the facility's territory
 * path lies in their subtree; anything else is 404); community workers and up write there; bad fields are 400
 * (nothing written), a stale version 409. Every change publishes {@link FacilitiesChanged} in its transaction.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class CircleFacilityRegistry {

	static final int MAX_PAGE = 200;

	/** Filters of a list. */
	record Query(String category, String territory, String q, String status, int page, int size) {
	}

	/**
	 * Operating facilities of a category in a scope, registry and care network together; for a category read from
	 * the care network, {@code kinds} says how many of each care facility kind it counts (e.g. 长者食堂 counts elder
	 * canteens, day-care centres and demonstration points, all of which serve meals).
	 */
	record CategoryCount(String code, String name, boolean required, boolean basic, boolean careFacilities, long count,
			List<KindCount> kinds) {
	}

	/** Operating care facilities of one kind. */
	record KindCount(FacilityKind kind, long count) {
	}

	private final CircleFacilityRepository store;

	private final CircleFacilityChecks checks;

	private final Categories categories;

	private final Territories territories;

	private final CareFacilities careFacilities;

	private final FieldErrors messages;

	private final ApplicationEventPublisher events;

	CircleFacilityView find(long id) {
		Actor actor = CircleFacilityAccess.reader();
		return views(List.of(stored(actor, id)), false).get(0);
	}

	private CircleFacilityRepository.Stored stored(Actor actor, long id) {
		return store.find(id).filter(f -> actor.covers(f.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No facility " + id));
	}

	/** The node a list is scoped to: a code inside the jurisdiction (404 otherwise) or the actor's own. */
	TerritoryNode scope(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId())
				.orElseThrow(() -> new NotFoundException("No territory " + actor.territoryId()));
		}
		return territories.lookupByCode(code.strip()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + code));
	}

	CircleFacilityRepository.Filter filter(Actor actor, Query q) {
		String category = FieldErrors.trim(q.category());
		CircleFacilityRepository.Status status = q.status() == null ? null : CircleFacilityChecks.parseStatus(q.status());
		return new CircleFacilityRepository.Filter(scope(actor, q.territory()).path(), category, status, FieldErrors.trim(q.q()));
	}

	Paged<CircleFacilityView> search(Query q) {
		Actor actor = CircleFacilityAccess.reader();
		CircleFacilityRepository.Filter f = filter(actor, q);
		int size = Math.max(1, Math.min(MAX_PAGE, q.size()));
		int page = Math.max(0, q.page());
		long total = store.count(f);
		return new Paged<>(views(store.search(f, page * size, size), true), page, size, total);
	}

	/** Operating facilities per category in a scope: the registry's, and for care categories the care network's. */
	List<CategoryCount> counts(String territory) {
		Actor actor = CircleFacilityAccess.reader();
		TerritoryNode scope = scope(actor, territory);
		Map<String, Long> registry = store.operatingCounts(scope.path());
		Locale locale = LocaleContextHolder.getLocale();
		Map<FacilityKind, Long> careCounts = new HashMap<>();
		List<CategoryCount> list = new ArrayList<>();
		for (CategoryDefinition c : categories.definitions()) {
			long n;
			List<KindCount> kinds = new ArrayList<>();
			if (c.fromCareFacilities()) {
				n = 0;
				for (FacilityKind k : c.careKinds()) {
					long m = careCounts.computeIfAbsent(k, kind -> (long) careFacilities.facilitiesOfKind(kind, scope.path()).size());
					kinds.add(new KindCount(k, m));
					n += m;
				}
			}
			else {
				n = registry.getOrDefault(c.code(), 0L);
			}
			list.add(new CategoryCount(c.code(), c.name(locale), c.required(), c.basic(), c.fromCareFacilities(), n, kinds));
		}
		return list;
	}

	@Transactional
	CircleFacilityView create(CircleFacilityDraft draft) {
		Actor actor = CircleFacilityAccess.writer();
		CircleFacilityRepository.Values v = require(draft, actor);
		long id = store.insert(v, CircleFacilityRepository.Origin.MANUAL, null, actor.name());
		events.publishEvent(new FacilitiesChanged("facility " + id + " created", "circle:" + id));
		return views(List.of(store.find(id).orElseThrow()), false).get(0);
	}

	@Transactional
	CircleFacilityView update(long id, CircleFacilityDraft draft) {
		Actor actor = CircleFacilityAccess.reader();
		stored(actor, id);
		CircleFacilityAccess.writer();
		if (draft.version() == null) {
			throw messages.invalid(CircleFacilityAccess.INVALID, List.of(new FieldError("version", "circlefacilities.error.version")));
		}
		CircleFacilityRepository.Values v = require(draft, actor);
		if (!store.update(id, draft.version(), v, actor.name())) {
			throw new ConflictException(messages.message("circlefacilities.error.conflict"));
		}
		events.publishEvent(new FacilitiesChanged("facility " + id + " updated", "circle:" + id));
		return views(List.of(store.find(id).orElseThrow()), false).get(0);
	}

	/** Marks a facility closed (it stays in the registry; the coverage no longer counts it). */
	@Transactional
	CircleFacilityView close(long id) {
		Actor actor = CircleFacilityAccess.reader();
		CircleFacilityRepository.Stored before = stored(actor, id);
		CircleFacilityAccess.writer();
		if (before.status() != CircleFacilityRepository.Status.CLOSED) {
			store.setStatus(id, before.version(), CircleFacilityRepository.Status.CLOSED, actor.name());
			events.publishEvent(new FacilitiesChanged("facility " + id + " closed", "circle:" + id));
		}
		return views(List.of(store.find(id).orElseThrow()), false).get(0);
	}

	@Transactional
	void delete(long id) {
		Actor actor = CircleFacilityAccess.reader();
		stored(actor, id);
		CircleFacilityAccess.writer();
		store.delete(id);
		events.publishEvent(new FacilitiesChanged("facility " + id + " deleted", "circle:" + id));
	}

	private CircleFacilityRepository.Values require(CircleFacilityDraft draft, Actor actor) {
		CircleFacilityChecks.Outcome o = checks.check(draft, checks.context(actor));
		if (!o.valid()) {
			throw messages.invalid(CircleFacilityAccess.INVALID, o.problems());
		}
		return o.values();
	}

	/** Views with category and territory names; phones masked in lists. */
	List<CircleFacilityView> views(List<CircleFacilityRepository.Stored> rows, boolean list) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new LinkedHashMap<>();
		categories.definitions().forEach(c -> names.put(c.code(), c.name(locale)));
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		List<Long> ids = rows.stream().map(CircleFacilityRepository.Stored::territoryId).distinct().toList();
		for (int i = 0; i < ids.size(); i += 1000) {
			territories.lookupAll(ids.subList(i, Math.min(ids.size(), i + 1000))).forEach(n -> nodes.put(n.id(), n));
		}
		return rows.stream().map(s -> {
			TerritoryNode n = nodes.get(s.territoryId());
			return new CircleFacilityView(s.id(), s.name(), s.category(), names.getOrDefault(s.category(), s.category()),
					s.address(), s.latitude(), s.longitude(), s.coordinateSystem(), s.enteredLatitude(), s.enteredLongitude(),
					s.territoryId(), n == null ? null : n.code(), n == null ? null : n.name(), s.operator(),
					list ? Masking.phone(s.phone()) : s.phone(), s.openingHours(), s.status().name(), s.source().name(),
					s.osmId(), s.osmType(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy(), s.version());
		}).toList();
	}
}
