package org.jinlin.alarms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.alarms.DutyRole;
import org.jinlin.alarms.DutyStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responders, their on-duty status and the weekly duty rota. Staff who may manage responders: community workers,
 * street/district/city officials and administrators, for accounts serving nodes in their jurisdiction. Any
 * responder may switch their own status on or off duty.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DutyRoster {

	private final DutyRosterRepository repository;

	private final Territories territories;

	private final AccountManagement accounts;

	private final FieldErrors errors;

	@Value("${jinlin.alarms.zone:Asia/Shanghai}")
	private final ZoneId zone;

	private final Clock clock = Clock.systemUTC();

	// ------------------------------------------------------------------ queries

	/** Responders serving nodes in the caller's jurisdiction (staff only). */
	@Transactional(readOnly = true)
	public List<ResponderView> responders() {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff see the duty roster");
		}
		return load("territory_path LIKE :prefix", Map.of("prefix", actor.jurisdiction().likePattern()));
	}

	/** The caller's own responder record, if they are one. */
	@Transactional(readOnly = true)
	public Optional<ResponderView> mine() {
		Actor actor = CurrentActor.require();
		return load("username = :u", Map.of("u", actor.name())).stream().findFirst();
	}

	// ------------------------------------------------------------------ commands

	/** Registers an account as a responder, or changes its role, node or status. */
	public ResponderView register(ResponderDraft draft) {
		Actor actor = CurrentActor.require();
		if (!AlarmAccess.manager(actor)) {
			throw new ForbiddenException("Only community workers and officials manage responders");
		}
		List<FieldError> problems = new ArrayList<>();
		DutyRole role = AlarmInput.parse(DutyRole.class, draft.role(), "role", problems);
		DutyStatus status = draft.dutyStatus() == null || draft.dutyStatus().isBlank() ? DutyStatus.ROTA
				: AlarmInput.parse(DutyStatus.class, draft.dutyStatus(), "dutyStatus", problems);
		Optional<AccountManagement.AccountReference> account = accounts.lookup(draft.username());
		if (account.isEmpty()) {
			problems.add(new FieldError("username", "alarms.responder.unknown-account"));
		}
		TerritoryNode node = null;
		if (account.isPresent()) {
			String code = draft.territoryCode() == null || draft.territoryCode().isBlank() ? null : draft.territoryCode().strip();
			node = code == null ? territories.lookup(account.get().territoryId()).orElse(null)
					: territories.lookupByCode(code).orElse(null);
			if (node == null) {
				problems.add(new FieldError("territoryCode", "alarms.responder.unknown-territory"));
			}
			else if (!actor.covers(node.path())) {
				problems.add(new FieldError("territoryCode", "alarms.responder.outside-jurisdiction"));
			}
		}
		errors.failIfAny(AlarmInput.INVALID, problems);
		String username = account.get().username();
		place(username, new DutyRosterRepository.Placement(account.get().displayName(), role, node.id(), node.path(),
				node.latitude(), node.longitude(), status), OffsetDateTime.now(clock), actor.name());
		return one(username);
	}

	private void place(String username, DutyRosterRepository.Placement placement, OffsetDateTime now, String by) {
		if (!repository.update(username, placement, now, by)) {
			repository.insert(username, placement, now, by);
		}
	}

	/** Switches a responder on or off duty (or back to the rota): themselves, or a manager in jurisdiction. */
	public ResponderView setStatus(String username, DutyStatus status) {
		Actor actor = CurrentActor.require();
		ResponderView r = manageable(actor, username, true);
		repository.setStatus(r.username(), status, OffsetDateTime.now(clock), actor.name());
		return one(r.username());
	}

	/** Replaces a responder's weekly rota (managers only). */
	public ResponderView setShifts(String username, List<ResponderView.ShiftView> shifts) {
		Actor actor = CurrentActor.require();
		ResponderView r = manageable(actor, username, false);
		List<FieldError> problems = new ArrayList<>();
		for (int i = 0; i < shifts.size(); i++) {
			ResponderView.ShiftView s = shifts.get(i);
			if (s.day() == null || s.start() == null || s.end() == null) {
				problems.add(new FieldError("shifts[" + i + "]", "alarms.shift.incomplete"));
			}
			else if (s.start().equals(s.end())) {
				problems.add(new FieldError("shifts[" + i + "]", "alarms.shift.empty"));
			}
		}
		errors.failIfAny(AlarmInput.INVALID, problems);
		repository.replaceShifts(r.username(), shifts);
		return one(r.username());
	}

	private ResponderView manageable(Actor actor, String username, boolean selfAllowed) {
		List<ResponderView> found = load("username = :u", Map.of("u", username == null ? "" : username.strip()));
		if (found.isEmpty()) {
			throw new NotFoundException("No such responder");
		}
		ResponderView r = found.get(0);
		if (selfAllowed && r.username().equals(actor.name())) {
			return r;
		}
		String path = territories.lookup(r.territoryId()).map(TerritoryNode::path).orElse("/");
		if (!actor.isStaff() || !actor.covers(path)) {
			throw new NotFoundException("No such responder");
		}
		if (!AlarmAccess.manager(actor)) {
			throw new ForbiddenException("Only community workers and officials manage responders");
		}
		return r;
	}

	// ------------------------------------------------------------------ for the desk

	/** Every active responder whose node is on the way from the root to {@code path} or below {@code prefix}. */
	List<DispatchPolicy.Responder> around(String streetPath, Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		List<DutyRosterRepository.Stored> rows = repository.activeAround(streetPath + "%", ancestors(streetPath));
		Map<String, List<DispatchPolicy.Shift>> shifts = repository.shifts(rows.stream().map(DutyRosterRepository.Stored::username).toList());
		return rows.stream().map(r -> new DispatchPolicy.Responder(r.username(), r.displayName(), r.role(),
				r.territoryPath(), r.latitude(), r.longitude(),
				DispatchPolicy.onDuty(r.status(), shifts.getOrDefault(r.username(), List.of()), local)))
			.toList();
	}

	static List<String> ancestors(String path) {
		List<String> out = new ArrayList<>();
		StringBuilder b = new StringBuilder("/");
		for (String part : Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList()) {
			b.append(part).append('/');
			out.add(b.toString());
		}
		return out;
	}

	private ResponderView one(String username) {
		return load("username = :u", Map.of("u", username)).get(0);
	}

	private List<ResponderView> load(String where, Map<String, ?> params) {
		LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), zone);
		List<ResponderView> out = new ArrayList<>();
		for (DutyRosterRepository.Stored r : repository.where(where, params)) {
			List<ResponderView.ShiftView> shifts = repository.shifts(r.username());
			boolean onDuty = DispatchPolicy.onDuty(r.status(), shifts.stream()
				.map(s -> new DispatchPolicy.Shift(s.day(), s.start(), s.end())).toList(), local);
			String tname = territories.lookup(r.territoryId()).map(TerritoryNode::name).orElse("");
			out.add(new ResponderView(r.username(), r.displayName(), r.role(), r.territoryId(), tname, r.status(),
					onDuty && r.active(), r.active(), shifts));
		}
		return out;
	}
}
