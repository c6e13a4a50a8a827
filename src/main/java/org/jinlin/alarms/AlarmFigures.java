package org.jinlin.alarms;

import java.util.OptionalLong;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.internal.AlarmAccess;
import org.jinlin.alarms.internal.AlarmRepository;
import org.jinlin.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The alarm figures other modules show (the officials' home page), by the alarm desk's own permission rule. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AlarmFigures {

	private final AlarmRepository repository;

	/**
	 * Alarms not yet resolved in the actor's jurisdiction, as the desk at {@code /alarms/desk} lists them; empty when
	 * the actor is not staff who may open the desk.
	 */
	public OptionalLong openAlarms(Actor actor) {
		if (!AlarmAccess.desk(actor) || !AlarmAccess.deskStaff(actor)) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(repository.countOpen(actor.jurisdiction().likePattern()));
	}
}
